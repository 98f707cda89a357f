package io.bramble.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --debug}: show stack traces of errors; accepted by every subcommand. */
public final class DebugOption {
    private static volatile boolean enabled;

    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description = "Show the stack trace of an error.")
    void set(boolean on) {
        enabled = on;
    }

    static boolean enabled() {
        return enabled;
    }
}
