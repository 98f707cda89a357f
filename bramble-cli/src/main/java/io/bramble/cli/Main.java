package io.bramble.cli;

import java.io.PrintWriter;

/** Entry point of the {@code bramble} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0 || !BrambleCommand.keepsRunning()) {
            System.exit(code);
        }
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return BrambleCommand.commandLine(out, err).execute(args);
    }
}
