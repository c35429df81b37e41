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
            GenCommand.class,
            PlayCommand.class,
            DemoCommand.class,
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI in-process and returns its exit status (tests call this). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"hapring " + (v == null ? "dev" : v) + " on Java " + Runtime.version()};
        }
    }
}
