package org.hapring.mov;

/**
 * One box inside a {@link MoovBuffer}: indices into its byte array, and the path used in error messages
 * (e.g. {@code moov/trak[2]/mdia/minf/stbl/stco}).
 *
 * @param type the fourcc as a big-endian int
 * @param path where the box sits, for messages
 * @param start index of the box header's first byte
 * @param payloadStart index of the first byte after the (8- or 16-byte) header
 * @param end index one past the box's last byte
 *
 * <p>Immutable; any thread.
 */
record Box(int type, String path, int start, int payloadStart, int end) {

    int payloadBytes() {
        return end - payloadStart;
    }

    String name() {
        return Fourcc.text(type);
    }
}
