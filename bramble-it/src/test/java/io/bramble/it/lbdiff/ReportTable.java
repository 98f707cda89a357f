package io.bramble.it.lbdiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The readable side of the comparison: one row per case with what the client got and how many
 * requests reached each backend, then the reasons of any verdict other than "same".
 */
final class ReportTable {
    static final String HEADER = String.format(Locale.ROOT, "%-40s | %-16s %3s | %-16s %3s | %s",
            "case", "haproxy: client", "fwd", "bramble: client", "fwd", "verdict");

    private final List<String> rows = new ArrayList<>();

    /** Adds the case's row and returns it. */
    synchronized String add(RequestCase c, ProxyOutcome haproxy, ProxyOutcome bramble,
            Verdict verdict, String accepted) {
        String summary;
        if (!verdict.violations().isEmpty()) {
            summary = "VIOLATION";
        } else if (!verdict.differences().isEmpty()) {
            summary = accepted == null ? "DIFFERENCE" : "difference (accepted)";
        } else if (accepted != null) {
            summary = "STALE: listed as accepted but no longer differs";
        } else {
            summary = haproxy.forwarded().isEmpty() ? "same (both refused)" : "same";
        }
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
                "%-40s | %-16s %3d | %-16s %3d | %s", c.name(), haproxy.statuses(),
                haproxy.forwarded().size(), bramble.statuses(), bramble.forwarded().size(),
                summary));
        verdict.violations().forEach(v -> row.append("\n    violation: ").append(v));
        verdict.differences().forEach(d -> row.append("\n    difference: ").append(d));
        if (accepted != null) {
            row.append("\n    accepted because: ").append(accepted);
        }
        verdict.notes().forEach(n -> row.append("\n    note on haproxy: ").append(n));
        rows.add(row.toString());
        return row.toString();
    }

    synchronized String text() {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }
}
