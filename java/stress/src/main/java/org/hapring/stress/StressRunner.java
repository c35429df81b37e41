package org.hapring.stress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs jcstress ({@code org.openjdk.jcstress.Main}, same arguments) and turns its verdict into an exit status,
 * which jcstress itself does not give: 1 when a test failed or errored, or when no result passed. The output
 * goes to the console as usual.
 *
 * <p>Runs on its main thread (jcstress forks the test JVMs).
 */
public final class StressRunner {
    private static final Pattern RESULTS = Pattern.compile(
            "Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, (\\d+) soft errs, (\\d+) hard errs");

    private StressRunner() {}

    public static void main(String[] args) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(console, copy), true, StandardCharsets.UTF_8));
        try {
            org.openjdk.jcstress.Main.main(args);
        } finally {
            System.out.flush();
            System.setOut(console);
        }
        String out = copy.toString(StandardCharsets.UTF_8);
        Matcher m = RESULTS.matcher(out);
        long planned = -1;
        long passed = -1;
        long bad = -1;
        while (m.find()) {
            planned = Long.parseLong(m.group(1));
            passed = Long.parseLong(m.group(2));
            bad = Long.parseLong(m.group(3)) + Long.parseLong(m.group(4)) + Long.parseLong(m.group(5));
        }
        boolean failedNone = out.contains("Failed tests: No matches.") && out.contains("Error tests: No matches.");
        if (planned <= 0 || passed != planned || bad != 0 || !failedNone) {
            console.println(
                    "jcstress: FAILED (planned=" + planned + " passed=" + passed + " failed or errors=" + bad + ")");
            System.exit(1);
        }
        console.println("jcstress: " + passed + " of " + planned + " results passed");
        System.exit(0);
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
