package io.bramble.cli;

import java.io.PrintWriter;

/** Entry point of the {@code bramble} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Server commands block in their call() until stopped, so returning means done.
        System.exit(run(args, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true)));
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return BrambleCommand.commandLine(out, err).execute(args);
    }
}
