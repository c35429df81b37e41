package org.hapring.decode.reference;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a packed RGBA picture (8 bits per channel, rows top to bottom, as {@link ReferenceDecoder}
 * makes) as a PNG file: colour type 6 (RGBA), bit depth 8, no interlace, every row with the "Sub"
 * filter, deflated at {@link Deflater#BEST_SPEED} (exports favour speed over size), IDAT chunks of at
 * most 64 KiB. Nothing but java.util.zip: no AWT.
 *
 * <p>Stateless; any thread (one picture per call).
 */
public final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int IDAT_MAX_BYTES = 64 * 1024;

    private PngWriter() {}

    /** Writes {@code rgba} ({@code widthPixels * heightPixels * 4} bytes) to {@code file}, replacing it. */
    public static void write(Path file, MemorySegment rgba, int widthPixels, int heightPixels) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, rgba, widthPixels, heightPixels);
        }
    }

    /** Writes the PNG to {@code out}; does not close it. */
    public static void write(OutputStream out, MemorySegment rgba, int widthPixels, int heightPixels)
            throws IOException {
        if (widthPixels <= 0 || heightPixels <= 0) {
            throw new IllegalArgumentException(
                    "picture must not be empty: widthPixels=" + widthPixels + " heightPixels=" + heightPixels);
        }
        long rowBytes = widthPixels * 4L;
        if (rowBytes + 1 > Integer.MAX_VALUE || rgba.byteSize() < rowBytes * heightPixels) {
            throw new IllegalArgumentException("rgba holds " + rgba.byteSize() + " bytes, a " + widthPixels + "x"
                    + heightPixels + " picture needs " + rowBytes * heightPixels);
        }
        out.write(SIGNATURE);
        byte[] header = new byte[13];
        putBe32(header, 0, widthPixels);
        putBe32(header, 4, heightPixels);
        header[8] = 8;
        header[9] = 6;
        writeChunk(out, "IHDR", header, header.length);

        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (IdatStream idat = new IdatStream(out);
                DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[(int) rowBytes];
            byte[] filtered = new byte[(int) rowBytes + 1];
            filtered[0] = 1;
            for (int y = 0; y < heightPixels; y++) {
                MemorySegment.copy(rgba, ValueLayout.JAVA_BYTE, y * rowBytes, row, 0, row.length);
                for (int i = 0; i < 4; i++) {
                    filtered[1 + i] = row[i];
                }
                for (int i = 4; i < row.length; i++) {
                    filtered[1 + i] = (byte) (row[i] - row[i - 4]);
                }
                z.write(filtered);
            }
            z.finish();
        } finally {
            deflater.end();
        }
        writeChunk(out, "IEND", new byte[0], 0);
    }

    private static void writeChunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        d.writeInt(length);
        d.write(typeBytes);
        d.write(data, 0, length);
        d.writeInt((int) crc.getValue());
        d.flush();
    }

    private static void putBe32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** Cuts the deflate stream into IDAT chunks; closing flushes the last one but not the target stream. */
    private static final class IdatStream extends OutputStream {
        private final OutputStream target;
        private final byte[] buffer = new byte[IDAT_MAX_BYTES];
        private int used;

        IdatStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                flushChunk();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void close() throws IOException {
            if (used > 0) {
                flushChunk();
            }
        }

        private void flushChunk() throws IOException {
            writeChunk(target, "IDAT", buffer, used);
            used = 0;
        }
    }
}
