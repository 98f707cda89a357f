package io.bramble.cli;

import io.bramble.cli.pool.GlusterGrammar;
import io.bramble.common.error.UserError;
import java.io.PrintWriter;

/**
 * Entry point of the {@code bramble} command. When the environment variable
 * {@code BRAMBLE_PARENT_PID} is set, the process exits once that process is gone (see
 * {@link ParentWatch}); test kits set it so that no bramble outlives a killed test run.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            ParentWatch.start(System.getenv(ParentWatch.ENV), err);
        } catch (UserError e) {
            err.println("bramble: " + e.getMessage());
            System.exit(e.exitCode());
        }
        // Server commands block in their call() until stopped, so returning means done.
        System.exit(run(args, out, err));
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if ("pcs".equals(System.getenv(GlusterGrammar.INVOKED_AS_ENV))) {
            String[] pcs = new String[args.length + 1];
            pcs[0] = "pcs";
            System.arraycopy(args, 0, pcs, 1, args.length);
            args = pcs;
        }
        String[] line = GlusterGrammar.normalize(args, err);
        var command = BrambleCommand.commandLine(out, err);
        if (GlusterGrammar.invokedAsGluster(System.getenv(GlusterGrammar.INVOKED_AS_ENV))) {
            var unsupported = GlusterGrammar.unsupported(line);
            if (unsupported.isPresent()) {
                err.println(unsupported.get());
                return UserError.EXIT_USAGE;
            }
        }
        return BrambleCommand.execute(command, line);
    }
}
