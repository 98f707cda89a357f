package io.bramble.cli.pool;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command lines as users of the gluster CLI type them. bramble's {@code peer}, {@code pool}
 * and {@code volume} commands already have gluster's grammar; this class handles the rest:
 * gluster's global options before the command ({@code --remote-host=HOST},
 * {@code --mode=script}), and the misprints seed recipes print ({@code node probe} for
 * {@code peer probe}, {@code stop volume} for {@code volume stop}).
 */
public final class GlusterGrammar {
    /** Set by bin/bramble to the name it was called by, such as {@code gluster}. */
    public static final String INVOKED_AS_ENV = "BRAMBLE_INVOKED_AS";

    private GlusterGrammar() {
    }

    /** Whether this process was started through a {@code gluster} link. */
    public static boolean invokedAsGluster(String invokedAs) {
        return invokedAs != null && invokedAs.equals("gluster");
    }

    /** The gluster commands bramble runs so far (and help). */
    private static final java.util.Set<String> SUPPORTED = java.util.Set.of("peer", "pool",
            "volume", "help", "-h", "--help", "-V", "--version");
    /** gluster's options that come before the command, moved after it for picocli. */
    private static final List<String> GLOBAL_OPTIONS = List.of("--remote-host", "--mode");
    /** Verbs seed 003 writes before 'volume' ({@code gluster stop volume data1}). */
    private static final java.util.Set<String> VOLUME_VERBS = java.util.Set.of("create",
            "start", "stop", "delete", "info", "status", "list");

    /**
     * A one-line message when {@code line} (already normalized) is a gluster command bramble
     * does not run yet; empty when it does.
     */
    public static java.util.Optional<String> unsupported(String[] line) {
        if (line.length == 0 || SUPPORTED.contains(line[0])) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("gluster: '" + line[0] + "' is not supported by bramble"
                + " yet; it runs 'peer probe|status|detach', 'pool list' and 'volume"
                + " create|start|stop|delete|list|info|status|set|get|reset' (see docs/pool.md"
                + " and docs/fs.md)");
    }

    /** The bramble command line for {@code args}; notes about rewrites go to {@code err}. */
    public static String[] normalize(String[] args, PrintWriter err) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        List<String> hoisted = new ArrayList<>();
        while (!words.isEmpty() && isGlobalOption(words.getFirst())) {
            String option = words.removeFirst();
            if (GLOBAL_OPTIONS.contains(option) && !words.isEmpty()) {
                hoisted.add(option);
                hoisted.add(words.removeFirst());
            } else {
                hoisted.add(option);
            }
        }
        if (words.size() >= 2 && words.get(0).equals("node") && words.get(1).equals("probe")) {
            words.set(0, "peer");
            err.println("note: 'node probe' is 'peer probe' in the gluster grammar");
        }
        if (words.size() >= 2 && VOLUME_VERBS.contains(words.get(0))
                && words.get(1).equals("volume")) {
            words.set(1, words.get(0));
            words.set(0, "volume");
            err.println("note: '" + words.get(1) + " volume' is 'volume " + words.get(1)
                    + "' in the gluster grammar");
        }
        if (!hoisted.isEmpty() && words.size() >= 2) {
            words.addAll(2, hoisted);
        } else {
            words.addAll(hoisted);
        }
        return words.toArray(String[]::new);
    }

    private static boolean isGlobalOption(String word) {
        return GLOBAL_OPTIONS.stream().anyMatch(o -> word.equals(o) || word.startsWith(o
                + "="));
    }
}
