package org.hapring.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * hapring's command line: {@code hapring <command> [args]}. Each command is its own class; errors in
 * input files are printed as one line and give a non-zero exit status.
 *
 * <p>Runs on the main thread.
 */
@Command(
        name = "hapring",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Plays and inspects HAP video with batched io_uring pre-buffering.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            InfoCommand.class,
            DecodeCommand.class,
            GenCommand.class,
            PlayCommand.class,
            BenchCommand.class,
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI in-process and returns its exit status. */
    public static int run(String... args) {
        return cli().execute(args);
    }

    /** Runs the CLI in-process with its output and errors going to the given writers (tests use this). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = cli();
        cli.setOut(out);
        cli.setErr(err);
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    private static CommandLine cli() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"hapring " + (v == null ? "dev" : v) + " on Java " + Runtime.version()};
        }
    }
}
