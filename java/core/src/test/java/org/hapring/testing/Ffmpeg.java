package org.hapring.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system's {@code ffmpeg} for tests: makes reference clips (cached by their parameters) and
 * reference decodes. Tests that need FFmpeg call {@link #assumeAvailable()}, which skips them with a
 * visible reason where it is not installed ({@code .ci/run} installs it).
 *
 * <p>Any thread; clips are written to a temporary name and renamed, so concurrent tests are safe.
 */
public final class Ffmpeg {
    private static final long TIMEOUT_SECONDS = 300;
    private static volatile Boolean available;

    private Ffmpeg() {}

    public static boolean available() {
        Boolean a = available;
        if (a == null) {
            try {
                Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-version")
                        .redirectErrorStream(true)
                        .start();
                p.getInputStream().readAllBytes();
                a = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                a = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                a = false;
            }
            available = a;
        }
        return a;
    }

    public static void assumeAvailable() {
        assumeTrue(available(), "ffmpeg is not installed (apt-get install ffmpeg; .ci/run does this): skipping");
    }

    /** What a reference clip looks like; {@link #clip(Spec)} makes it once per distinct spec. */
    public record Spec(
            String format,
            int chunks,
            boolean snappy,
            boolean faststart,
            int width,
            int height,
            String rate,
            int frames,
            boolean noise,
            boolean audio) {

        /** A small testsrc2 clip: 64x48, 30 fps, 6 frames, Snappy, one chunk, moov last. */
        public static Spec of(String format) {
            return new Spec(format, 1, true, false, 64, 48, "30", 6, false, false);
        }

        public Spec chunks(int n) {
            return new Spec(format, n, snappy, faststart, width, height, rate, frames, noise, audio);
        }

        public Spec snappy(boolean s) {
            return new Spec(format, chunks, s, faststart, width, height, rate, frames, noise, audio);
        }

        public Spec faststart(boolean f) {
            return new Spec(format, chunks, snappy, f, width, height, rate, frames, noise, audio);
        }

        public Spec size(int w, int h) {
            return new Spec(format, chunks, snappy, faststart, w, h, rate, frames, noise, audio);
        }

        public Spec rate(String r) {
            return new Spec(format, chunks, snappy, faststart, width, height, r, frames, noise, audio);
        }

        public Spec frames(int n) {
            return new Spec(format, chunks, snappy, faststart, width, height, rate, n, noise, audio);
        }

        public Spec noise(boolean n) {
            return new Spec(format, chunks, snappy, faststart, width, height, rate, frames, n, audio);
        }

        public Spec audio(boolean a) {
            return new Spec(format, chunks, snappy, faststart, width, height, rate, frames, noise, a);
        }

        String key() {
            return format + "_c" + chunks + (snappy ? "_snappy" : "_none") + (faststart ? "_fast" : "")
                    + "_" + width + "x" + height + "_r" + rate.replace('/', '-') + "_n" + frames
                    + (noise ? "_noise" : "") + (audio ? "_audio" : "");
        }
    }

    /** The clip for {@code spec}, made with FFmpeg's HAP encoder on first use and cached. */
    public static Path clip(Spec spec) {
        assumeAvailable();
        Path out = TestPaths.mediaCache().resolve("ffmpeg_" + spec.key() + ".mov");
        if (Files.exists(out)) {
            return out;
        }
        List<String> cmd = new ArrayList<>(List.of(
                "ffmpeg",
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=" + spec.width() + "x" + spec.height() + ":rate=" + spec.rate()));
        if (spec.audio()) {
            cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"));
        }
        if (spec.noise()) {
            cmd.addAll(List.of("-vf", "noise=alls=100:allf=t+u"));
        }
        cmd.addAll(List.of(
                "-frames:v",
                Integer.toString(spec.frames()),
                "-c:v",
                "hap",
                "-format",
                spec.format(),
                "-chunks",
                Integer.toString(spec.chunks())));
        if (!spec.snappy()) {
            cmd.addAll(List.of("-compressor", "none"));
        }
        if (spec.audio()) {
            cmd.addAll(List.of("-c:a", "pcm_s16le", "-shortest"));
        }
        if (spec.faststart()) {
            cmd.addAll(List.of("-movflags", "+faststart"));
        }
        Path tmp = out.resolveSibling(out.getFileName() + "."
                + ProcessHandle.current().pid() + "." + Thread.currentThread().threadId() + ".tmp.mov");
        cmd.add(tmp.toString());
        run(cmd);
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * FFmpeg's framemd5 data lines (comments dropped) of the first video stream decoded as RGBA. Like
     * {@link #decodeRgba}, it ignores the track's display matrix ({@code -noautorotate}): decoders do not rotate.
     */
    public static List<String> framemd5(Path movie) {
        assumeAvailable();
        String out = run(List.of(
                "ffmpeg",
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-noautorotate",
                "-i",
                movie.toString(),
                "-map",
                "0:v:0",
                "-pix_fmt",
                "rgba",
                "-f",
                "framemd5",
                "-"));
        return out.lines().filter(l -> !l.startsWith("#")).toList();
    }

    /**
     * FFmpeg's framemd5 data lines (comments dropped) exactly as {@code hapring decode --framemd5} promises
     * them: {@code ffmpeg -i FILE -map 0:v:0 -pix_fmt rgba -f framemd5 -}, so with the CLI's autorotate (the
     * track's display matrix applied by transpose, hflip/vflip or rotate filters).
     */
    public static List<String> framemd5Autorotated(Path movie) {
        assumeAvailable();
        String out = run(List.of(
                "ffmpeg",
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-i",
                movie.toString(),
                "-map",
                "0:v:0",
                "-pix_fmt",
                "rgba",
                "-f",
                "framemd5",
                "-"));
        return out.lines().filter(l -> !l.startsWith("#")).toList();
    }

    /**
     * Like {@link #decodeRgba}, but with the CLI's autorotate as {@link #framemd5Autorotated}: every frame as
     * packed RGBA of the displayed size (width and height swapped by a 90 or 270 degree display matrix).
     */
    public static byte[] decodeRgbaAutorotated(Path movie) {
        assumeAvailable();
        try {
            Path raw = Files.createTempFile("hapring-ffmpeg", ".rgba");
            try {
                run(List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-y",
                        "-i",
                        movie.toString(),
                        "-map",
                        "0:v:0",
                        "-f",
                        "rawvideo",
                        "-pix_fmt",
                        "rgba",
                        raw.toString()));
                return Files.readAllBytes(raw);
            } finally {
                Files.deleteIfExists(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * FFmpeg's decode of every frame of the first video stream as packed RGBA (width*height*4 per frame),
     * as stored, without applying the display matrix ({@code -noautorotate}).
     */
    public static byte[] decodeRgba(Path movie) {
        assumeAvailable();
        try {
            Path raw = Files.createTempFile("hapring-ffmpeg", ".rgba");
            try {
                run(List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-y",
                        "-noautorotate",
                        "-i",
                        movie.toString(),
                        "-map",
                        "0:v:0",
                        "-f",
                        "rawvideo",
                        "-pix_fmt",
                        "rgba",
                        raw.toString()));
                return Files.readAllBytes(raw);
            } finally {
                Files.deleteIfExists(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command, returns its stdout; fails with its stderr when it exits non-zero or runs too long. */
    public static String run(List<String> command) {
        try {
            Path err = Files.createTempFile("hapring-cmd", ".err");
            try {
                Process p =
                        new ProcessBuilder(command).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                byte[] stdout = p.getInputStream().readAllBytes();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + " s: " + command);
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(
                            "exit " + p.exitValue() + ": " + String.join(" ", command) + "\n" + Files.readString(err));
                }
                return new String(stdout, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
