package org.hapring.playback;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.hapring.io.EngineKind;
import org.hapring.mov.Rational;

/**
 * Every setting of the player in one validated object: pre-buffer depth ({@code hapPreBufferFrames}), engine
 * choice ({@code hapAsyncIO}, {@code hapMemoryMap}, {@code engine}), O_DIRECT, the global memory cap, the
 * clock rate, the miss policy and the thread counts. Built with {@link #builder()}; values come from code,
 * from a Java properties file ({@link Builder#load}) and from command-line flags, later ones overriding
 * earlier ones; {@link Builder#build()} checks them all and fails with one message naming the key
 * ({@code hapPreBufferFrames=0: must be 1..32}).
 *
 * <p>Immutable; any thread.
 */
public final class PlayerConfig {
    /** The keys a config file may set. */
    public static final List<String> KEYS = List.of(
            "hapPreBufferFrames",
            "maxPreBufferFrames",
            "hapAsyncIO",
            "hapMemoryMap",
            "engine",
            "direct",
            "memoryCapBytes",
            "maxReadBytesInFlight",
            "fps",
            "missPolicy",
            "missDeadlineMicros",
            "decodeThreads",
            "queueDepth",
            "sinkHoldFrames",
            "loop",
            "maxLayers");

    private final Map<String, String> values;
    private final int preBufferFrames;
    private final int maxPreBufferFrames;
    private final EngineKind engine;
    private final boolean direct;
    private final long memoryCapBytes;
    private final long maxReadBytesInFlight;
    private final Rational fps;
    private final MissPolicy missPolicy;
    private final long missDeadlineNanos;
    private final int decodeThreads;
    private final int queueDepth;
    private final int sinkHoldFrames;
    private final boolean loop;
    private final int maxLayers;

    private PlayerConfig(Map<String, String> v) {
        this.values = Map.copyOf(v);
        preBufferFrames = intIn(v, "hapPreBufferFrames", 1, 32);
        maxPreBufferFrames = v.containsKey("maxPreBufferFrames")
                ? intIn(v, "maxPreBufferFrames", preBufferFrames, 48)
                : Math.min(48, preBufferFrames + 3);
        boolean async = bool(v, "hapAsyncIO");
        boolean mmap = bool(v, "hapMemoryMap");
        if (!async && mmap) {
            throw new IllegalArgumentException(
                    "hapMemoryMap=true: needs hapAsyncIO=true (mapped reads run on the I/O thread)");
        }
        EngineKind implied = !async ? EngineKind.SYNC : mmap ? EngineKind.MMAP : EngineKind.AUTO;
        if (v.containsKey("engine")) {
            engine = EngineKind.parse(v.get("engine"));
            if (implied != EngineKind.AUTO && engine != implied) {
                throw new IllegalArgumentException("engine=" + engine.cliName() + ": conflicts with "
                        + (async ? "hapMemoryMap=true (the mmap engine)" : "hapAsyncIO=false (the sync engine)"));
            }
            if (engine == EngineKind.NULL) {
                throw new IllegalArgumentException("engine=null: reads nothing, only for tests");
            }
        } else {
            engine = implied;
        }
        direct = bool(v, "direct");
        memoryCapBytes = bytes(v, "memoryCapBytes");
        maxReadBytesInFlight = bytes(v, "maxReadBytesInFlight");
        try {
            fps = parseRate(v.get("fps"));
            new FrameClock(fps.numerator(), fps.denominator(), 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("fps=" + v.get("fps") + ": " + e.getMessage());
        }
        missPolicy = MissPolicy.parse("missPolicy", v.get("missPolicy"));
        missDeadlineNanos = intIn(v, "missDeadlineMicros", 0, 1_000_000) * 1000L;
        decodeThreads = intIn(v, "decodeThreads", 1, 64);
        queueDepth = intIn(v, "queueDepth", 1, 4096);
        sinkHoldFrames = intIn(v, "sinkHoldFrames", 0, 8);
        loop = bool(v, "loop");
        maxLayers = intIn(v, "maxLayers", 1, 1024);
        if (maxPreBufferFrames + 1 + sinkHoldFrames > 64) {
            throw new IllegalArgumentException("maxPreBufferFrames=" + maxPreBufferFrames + ": with sinkHoldFrames="
                    + sinkHoldFrames + " a layer would need more than 64 slots");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static PlayerConfig defaults() {
        return builder().build();
    }

    /** Frames read ahead at least (the floor and initial lookahead). */
    public int preBufferFrames() {
        return preBufferFrames;
    }

    /**
     * Frames read ahead at most, when reads are slow and the memory cap has room (default
     * {@code hapPreBufferFrames + 3}: six 1080p HAP Q layers then take 125 MB of slots).
     */
    public int maxPreBufferFrames() {
        return maxPreBufferFrames;
    }

    /** The engine to build ({@code auto} falls back by itself). */
    public EngineKind engine() {
        return engine;
    }

    public boolean direct() {
        return direct;
    }

    /** Native memory all layers' slots may take together. */
    public long memoryCapBytes() {
        return memoryCapBytes;
    }

    /** Read-ahead bytes in flight over all layers at most (each layer's frame due now is always read). */
    public long maxReadBytesInFlight() {
        return maxReadBytesInFlight;
    }

    /** The clock's ticks per second. */
    public Rational fps() {
        return fps;
    }

    public MissPolicy missPolicy() {
        return missPolicy;
    }

    public long missDeadlineNanos() {
        return missDeadlineNanos;
    }

    public int decodeThreads() {
        return decodeThreads;
    }

    public int queueDepth() {
        return queueDepth;
    }

    /** Frames a sink may keep beyond the one on screen (pending uploads). */
    public int sinkHoldFrames() {
        return sinkHoldFrames;
    }

    /** Whether layers loop over the whole clip by default. */
    public boolean loop() {
        return loop;
    }

    public int maxLayers() {
        return maxLayers;
    }

    /** Every key with its value, for reports. */
    public Map<String, String> values() {
        return new TreeMap<>(values);
    }

    /**
     * A clock rate: {@code 60}, {@code 60000/1001}, or a decimal; decimals within 0.006 of an NTSC rate
     * ({@code 59.94}, {@code 29.97}, {@code 23.976}) mean that rate exactly (60000/1001, ...).
     */
    static Rational parseRate(String text) {
        Rational r = Rational.parse(text);
        if (r.denominator() != 1 && !text.contains("/")) {
            long k = Math.round(r.toDouble() * 1.001);
            if (k > 0 && Math.abs(r.toDouble() - k / 1.001) < 0.006) {
                return Rational.of(k * 1000, 1001);
            }
        }
        if (r.numerator() <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return r;
    }

    private static int intIn(Map<String, String> v, String key, int min, int max) {
        long n = number(v, key);
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + "=" + v.get(key) + ": must be " + min + ".." + max);
        }
        return (int) n;
    }

    private static long number(Map<String, String> v, String key) {
        try {
            return Long.parseLong(v.get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + v.get(key) + ": not a whole number");
        }
    }

    private static boolean bool(Map<String, String> v, String key) {
        String s = v.get(key).trim().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException(key + "=" + v.get(key) + ": expected true or false");
        }
        return s.equals("true");
    }

    /** A byte count: digits with an optional suffix k, M, G (powers of 1000) or KiB, MiB, GiB. */
    private static long bytes(Map<String, String> v, String key) {
        String s = v.get(key).trim();
        String[][] units = {
            {"KiB", "1024"},
            {"MiB", "1048576"},
            {"GiB", "1073741824"},
            {"k", "1000"},
            {"K", "1000"},
            {"M", "1000000"},
            {"G", "1000000000"},
            {"", "1"}
        };
        for (String[] u : units) {
            if (s.endsWith(u[0]) && s.length() > u[0].length()) {
                try {
                    long n = Math.multiplyExact(
                            Long.parseLong(
                                    s.substring(0, s.length() - u[0].length()).trim()),
                            Long.parseLong(u[1]));
                    if (n < 1_000_000 || n > (1L << 40)) {
                        throw new IllegalArgumentException(key + "=" + s + ": must be 1M..1TiB");
                    }
                    return n;
                } catch (NumberFormatException | ArithmeticException e) {
                    // try the next unit
                }
            }
        }
        throw new IllegalArgumentException(key + "=" + s + ": not a byte count (e.g. 200000000, 200M, 256MiB)");
    }

    /** Collects settings as text, as a file or the command line gives them; one building thread. */
    public static final class Builder {
        private final Map<String, String> values = new TreeMap<>();

        private Builder() {
            values.put("hapPreBufferFrames", "5");
            values.put("hapAsyncIO", "true");
            values.put("hapMemoryMap", "false");
            values.put("direct", "false");
            values.put("memoryCapBytes", "200000000");
            values.put("maxReadBytesInFlight", "1099511627776"); // 1 TiB: no limit
            values.put("fps", "60");
            values.put("missPolicy", "repeat");
            values.put("missDeadlineMicros", "4000");
            values.put(
                    "decodeThreads",
                    Integer.toString(
                            Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()))));
            values.put("queueDepth", "256");
            values.put("sinkHoldFrames", "1");
            values.put("loop", "true");
            values.put("maxLayers", "64");
        }

        /** Sets {@code key} (one of {@link #KEYS}); the value is checked by {@link #build()}. */
        public Builder set(String key, String value) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        key + "=" + value + ": unknown key (known: " + String.join(", ", KEYS) + ")");
            }
            if (value == null) {
                throw new IllegalArgumentException(key + ": no value");
            }
            values.put(key, value);
            return this;
        }

        public Builder set(String key, Object value) {
            return set(key, String.valueOf(value));
        }

        /** Reads a Java properties file; every key must be known. */
        public Builder load(Path file) throws IOException {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            for (String k :
                    new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
                try {
                    set(k, p.getProperty(k));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage());
                }
            }
            return this;
        }

        public PlayerConfig build() {
            return new PlayerConfig(values);
        }
    }
}
