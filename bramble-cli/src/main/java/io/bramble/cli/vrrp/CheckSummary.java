package io.bramble.cli.vrrp;

import io.bramble.common.config.Diagnostic;
import io.bramble.common.config.Diagnostics;
import java.util.List;

/**
 * The line that ends a check of a keepalived.conf: whether it can run and how many errors and
 * warnings it has, so a long list of messages ends with its count.
 */
final class CheckSummary {
    private CheckSummary() {
    }

    /**
     * For a file that reads: {@code FILE: configuration is valid (1 instance): 0 errors…}, the
     * virtual servers counted too when there are some.
     */
    static String valid(String file, int instances, int virtualServers,
            List<Diagnostic> warnings) {
        String servers = virtualServers == 0
                ? ""
                : ", " + count(virtualServers, "virtual server");
        return file + ": configuration is valid (" + count(instances, "instance") + servers
                + "): " + counts(warnings);
    }

    /** For a file with errors: {@code FILE: configuration is not valid: 2 errors, …}. */
    static String invalid(String file, List<Diagnostic> diagnostics) {
        return file + ": configuration is not valid: " + counts(diagnostics);
    }

    private static String counts(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        String line = count(errors, "error") + ", " + count(diagnostics.size() - errors,
                "warning");
        // Past this many, Diagnostics only counts errors and keeps no message.
        return diagnostics.size() >= Diagnostics.STORED_MAX
                ? line + " and more not shown"
                : line;
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
