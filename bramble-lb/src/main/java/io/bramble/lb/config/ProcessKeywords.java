package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import io.bramble.common.os.OpenFileLimit;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code global} keywords about the process and its files rather than traffic:
 * {@code description}, {@code default-path}, {@code ssl-server-verify}, and those bramble
 * accepts with a warning saying what it does instead ({@code ulimit-n}, {@code strict-limits},
 * {@code max-spread-checks}, {@code unix-bind}, {@code master-worker}).
 */
final class ProcessKeywords {
    /** Longest description kept, as the stats page shows it whole. */
    static final int DESCRIPTION_CHARS_MAX = 1_024;

    private ProcessKeywords() {
    }

    static void register(KeywordTable<GlobalDraft> table) {
        table.keyword("description", (g, a) -> g.description = Optional.of(description(a)))
                .keyword("default-path", ProcessKeywords::defaultPath)
                .keyword("ssl-server-verify", (g, a) -> {
                    g.serverVerify = Optional.of(a.choice("none or required", "none",
                            "required").equals("required"));
                    a.end();
                })
                .keyword("ulimit-n", ProcessKeywords::ulimit)
                .keyword("strict-limits", (g, a) -> {
                    a.end();
                    a.warning("ignored: bramble never raises its open-file limit, so no failure "
                            + "to raise it can stop the start; it runs with the limit it was "
                            + "started with");
                })
                .keyword("max-spread-checks", (g, a) -> {
                    a.next("a delay");
                    a.end();
                    a.warning("ignored: bramble spreads each server's first health check at "
                            + "random over that server's own check interval ('inter')");
                })
                .keyword("master-worker", (g, a) -> {
                    a.nextIf("no-exit-on-failure");
                    a.end();
                    a.warning("ignored: bramble is one process that reloads itself in place, "
                            + "with no master process; reload it with kill -HUP or 'bramble lb "
                            + "reload' (USR2, the master's reload signal, does not reload it)");
                })
                .keyword("unix-bind", (g, a) -> {
                    a.rest();
                    a.warning("ignored: bramble listens on no UNIX socket but its stats "
                            + "sockets, which take their mode, user and group from their own "
                            + "'stats socket' line and their path as written");
                });
    }

    /** {@code ulimit-n N}: bramble says the limit it runs with instead. */
    private static void ulimit(GlobalDraft g, Args a) {
        int asked = a.integer("a file descriptor count", 1, Integer.MAX_VALUE);
        a.end();
        String now = OpenFileLimit.soft().stream().mapToObj(limit -> ", now " + limit)
                .findFirst().orElse("");
        a.warning("ignored: bramble does not set its open-file limit (RLIMIT_NOFILE) to " + asked
                + "; it runs with the one it was started with" + now + " (set it with "
                + "LimitNOFILE= in its systemd unit or 'ulimit -n' in a shell)");
    }

    /** The words after {@code description}, joined by single spaces as HAProxy joins them. */
    static String description(Args a) {
        String text = String.join(" ", a.rest());
        if (text.isEmpty()) {
            throw a.fail("expects a description text");
        }
        if (text.length() > DESCRIPTION_CHARS_MAX) {
            throw a.fail("a description of more than " + DESCRIPTION_CHARS_MAX + " characters");
        }
        return text;
    }

    /**
     * {@code default-path current|config|parent|origin PATH}: the directory relative file
     * names in later lines start from, as HAProxy's chdir() makes it.
     */
    private static void defaultPath(GlobalDraft g, Args a) {
        String type = a.choice("current, config, parent or origin", "current", "config",
                "parent", "origin");
        Path configDir = Path.of(a.where().file()).toAbsolutePath().getParent();
        g.defaultPath = switch (type) {
            case "current" -> Optional.empty();
            case "config" -> Optional.of(configDir);
            case "parent" -> Optional.of(configDir.getParent() == null
                    ? configDir
                    : configDir.getParent());
            default -> Optional.of(Path.of(a.next("a directory")).toAbsolutePath().normalize());
        };
        a.end();
    }
}
