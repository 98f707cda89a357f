package io.bramble.cli.pool;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command lines as users of the gluster CLI type them. bramble's {@code peer} and
 * {@code pool} commands already have gluster's grammar; this class handles the rest:
 * gluster's global {@code --remote-host=HOST} before the command, and the {@code node probe}
 * that seed recipes print for {@code peer probe}.
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
            "help", "-h", "--help", "-V", "--version");

    /**
     * A one-line message when {@code line} (already normalized) is a gluster command bramble
     * does not run yet; empty when it does.
     */
    public static java.util.Optional<String> unsupported(String[] line) {
        if (line.length == 0 || SUPPORTED.contains(line[0])) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("gluster: '" + line[0] + "' is not supported by bramble"
                + " yet; it runs 'peer probe|status|detach' and 'pool list' (see"
                + " docs/pool.md)");
    }

    /** The bramble command line for {@code args}; notes about rewrites go to {@code err}. */
    public static String[] normalize(String[] args, PrintWriter err) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        List<String> hoisted = new ArrayList<>();
        while (!words.isEmpty() && words.getFirst().startsWith("--remote-host")) {
            String option = words.removeFirst();
            if (option.equals("--remote-host") && !words.isEmpty()) {
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
        if (!hoisted.isEmpty() && words.size() >= 2) {
            words.addAll(2, hoisted);
        } else {
            words.addAll(hoisted);
        }
        return words.toArray(String[]::new);
    }
}
