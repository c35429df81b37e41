package org.hapring.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hapring.decode.MovieFrameReader;
import org.hapring.decode.TextureFrame;
import org.hapring.decode.reference.FfmpegAutorotate;
import org.hapring.decode.reference.FrameMd5;
import org.hapring.decode.reference.PngWriter;
import org.hapring.decode.reference.ReferenceDecoder;
import org.hapring.decode.reference.Rotation;
import org.hapring.mov.Rational;
import org.hapring.mov.SampleTable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hapring decode}: decodes frames on the CPU (the reference decoder, FFmpeg's integer maths).
 * {@code --framemd5} prints the data lines {@code ffmpeg -i FILE -map 0:v:0 -pix_fmt rgba -f framemd5 -}
 * prints (display matrix applied as FFmpeg's CLI does, unless {@code --noautorotate}); {@code --frame N
 * --png OUT} writes one frame as a PNG.
 *
 * <p>Runs on the main thread.
 */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Decodes HAP frames on the CPU: per-frame MD5s like FFmpeg's framemd5, or one frame as PNG.")
final class DecodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A HAP QuickTime movie.")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(
                names = "--framemd5",
                required = true,
                description = "Print one MD5 per frame of the RGBA picture, in FFmpeg's framemd5 format.")
        boolean framemd5;

        @ArgGroup(exclusive = false)
        PngMode png;
    }

    static final class PngMode {
        @Option(names = "--frame", required = true, paramLabel = "N", description = "Frame index (0 = first).")
        int frame;

        @Option(names = "--png", required = true, paramLabel = "OUT.png", description = "Where to write the frame.")
        Path png;
    }

    @Option(names = "--noautorotate", description = "Ignore the track's display matrix (as ffmpeg -noautorotate).")
    boolean noAutorotate;

    @Override
    public Integer call() throws IOException {
        try (MovieFrameReader reader = MovieFrameReader.open(file);
                Arena arena = Arena.ofConfined()) {
            SampleTable t = reader.table();
            Rotation rotation = noAutorotate
                    ? Rotation.NONE
                    : FfmpegAutorotate.of(
                            t.displayMatrix().toArray(), t.movieDisplayMatrix().toArray());
            int w = t.width();
            int h = t.height();
            int outW = rotation.outputWidth(w, h);
            int outH = rotation.outputHeight(w, h);
            MemorySegment rgba = arena.allocate(ReferenceDecoder.rgbaBytes(w, h));
            MemorySegment shown = rotation.kind() == Rotation.Kind.NONE
                    ? rgba
                    : arena.allocate(ReferenceDecoder.rgbaBytes(outW, outH));
            if (mode.framemd5) {
                printFramemd5(reader, rotation, rgba, shown, outW, outH);
            } else {
                int n = mode.png.frame;
                if (n < 0 || n >= t.frameCount()) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(),
                            "--frame must be 0.." + (t.frameCount() - 1) + " for " + file + ": " + n);
                }
                picture(reader, n, rotation, rgba, shown);
                PngWriter.write(mode.png.png, shown, outW, outH);
                spec.commandLine()
                        .getErr()
                        .printf("hapring: wrote frame %d of %s (%dx%d) to %s%n", n, file, outW, outH, mode.png.png);
            }
        }
        return 0;
    }

    private void picture(MovieFrameReader reader, int frame, Rotation rotation, MemorySegment rgba, MemorySegment shown)
            throws IOException {
        TextureFrame texture = reader.decode(frame);
        ReferenceDecoder.toRgba(texture, reader.variant(), rgba);
        if (shown != rgba) {
            rotation.apply(rgba, reader.table().width(), reader.table().height(), shown, reader.variant());
        }
    }

    /**
     * FFmpeg's framemd5 of the decoded video: time base = 1 / the stream's frame rate, timestamps
     * rescaled to it, frames before the edit list's start left out (FFmpeg drops them), a frame whose
     * timestamp does not advance left out (as FFmpeg's variable-rate output does).
     */
    private void printFramemd5(
            MovieFrameReader reader, Rotation rotation, MemorySegment rgba, MemorySegment shown, int outW, int outH)
            throws IOException {
        SampleTable t = reader.table();
        PrintWriter out = spec.commandLine().getOut();
        Rational rate = streamRate(t);
        long sizeBytes = ReferenceDecoder.rgbaBytes(outW, outH);
        out.println("#format: frame checksums");
        out.println("#version: 2");
        out.println("#hash: MD5");
        out.println("#software: hapring");
        out.println("#tb 0: " + rate.denominator() + "/" + rate.numerator());
        out.println("#media_type 0: video");
        out.println("#codec_id 0: rawvideo");
        out.println("#dimensions 0: " + outW + "x" + outH);
        out.println("#sar 0: 0/1");
        out.println("#stream#, dts,        pts, duration,     size, hash");
        long previous = Long.MIN_VALUE;
        for (int f = t.firstPresentedFrame(); f < t.frameCount(); f++) {
            long pts = rescale(t.ptsTicks(f), t.timescale(), rate);
            if (pts <= previous) {
                continue;
            }
            previous = pts;
            picture(reader, f, rotation, rgba, shown);
            out.printf("0, %10d, %10d, %8d, %8d, %s%n", pts, pts, 1, sizeBytes, FrameMd5.md5Hex(shown));
        }
        out.flush();
    }

    /**
     * The rate FFmpeg guesses for the stream (its {@code r_frame_rate}, the framemd5 time base): the
     * finest grid every presented frame's timestamp sits on, i.e. timescale / gcd of the frame durations;
     * for a constant rate that is the nominal rate. A grid finer than 1000 fps means jittery timestamps:
     * then the most common duration's rate.
     */
    static Rational streamRate(SampleTable t) {
        long gcd = 0;
        for (int f = t.firstPresentedFrame(); f + 1 < t.frameCount(); f++) {
            gcd = gcd(gcd, t.ptsTicks(f + 1) - t.ptsTicks(f));
        }
        if (gcd > 0 && t.timescale() / gcd <= 1000) {
            return Rational.of(t.timescale(), gcd);
        }
        return t.nominalFrameRate().isZero() ? Rational.of(t.timescale(), 1) : t.nominalFrameRate();
    }

    private static long gcd(long a, long b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    /** {@code ticks / timescale} seconds in units of 1/rate, rounded to nearest (halves away from zero). */
    static long rescale(long ticks, long timescale, Rational rate) {
        java.math.BigInteger num =
                java.math.BigInteger.valueOf(ticks).multiply(java.math.BigInteger.valueOf(rate.numerator()));
        java.math.BigInteger den =
                java.math.BigInteger.valueOf(timescale).multiply(java.math.BigInteger.valueOf(rate.denominator()));
        java.math.BigInteger[] qr = num.abs().divideAndRemainder(den);
        java.math.BigInteger q = qr[0];
        if (qr[1].shiftLeft(1).compareTo(den) >= 0) {
            q = q.add(java.math.BigInteger.ONE);
        }
        return num.signum() < 0 ? -q.longValueExact() : q.longValueExact();
    }
}
