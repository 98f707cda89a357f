package io.bramble.cli.cluster;

import io.bramble.common.error.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * pcs's command lines as bramble's ({@code bramble pcs …}, or {@code pcs …} through a link to
 * bramble): most of pcs's words are bramble's already ({@code resource}, {@code constraint},
 * {@code property}, {@code stonith}, {@code status}); {@code host auth} is {@code cluster
 * auth}, {@code node standby} is {@code cluster standby} (bramble's {@code node} runs the
 * daemon), and pcs's global {@code -f FILE} may come first.
 */
public final class PcsGrammar {
    /** Commands whose words bramble takes as pcs types them. */
    private static final Set<String> SAME = Set.of("resource", "constraint", "property",
            "stonith", "status", "quorum");
    /** {@code cluster VERB}s bramble runs. */
    private static final Set<String> CLUSTER_VERBS = Set.of("auth", "setup", "start", "stop",
            "status", "standby", "unstandby", "destroy", "cib", "cib-push");
    /** pcs's two-word commands that are another in bramble's words. */
    private static final Map<List<String>, List<String>> RENAMED = Map.of(
            List.of("host", "auth"), List.of("cluster", "auth"),
            List.of("node", "standby"), List.of("cluster", "standby"),
            List.of("node", "unstandby"), List.of("cluster", "unstandby"),
            List.of("cluster", "status"), List.of("status"),
            List.of("config"), List.of("cluster", "config"),
            List.of("config", "show"), List.of("cluster", "config"),
            List.of("resource", "status"), List.of("status", "resources"),
            List.of("stonith", "status"), List.of("status", "stonith"));

    private PcsGrammar() {
    }

    /** The bramble command line for pcs's {@code args}; a usage error names what is not run. */
    public static String[] translate(List<String> args) {
        List<String> words = new ArrayList<>(args);
        List<String> file = new ArrayList<>();
        while (words.size() >= 2 && words.getFirst().equals("-f")) {
            file.add(words.removeFirst());
            file.add(words.removeFirst());
        }
        if (words.isEmpty()) {
            throw UserError.usage("pcs: give a command, such as 'pcs status' (bramble runs "
                    + supported() + ")");
        }
        List<String> line = new ArrayList<>();
        int commandWords = words.size() > 1 && !words.get(1).startsWith("-") ? 2 : 1;
        List<String> head = words.subList(0, commandWords);
        if (RENAMED.containsKey(head)) {
            line.addAll(RENAMED.get(head));
            line.addAll(words.subList(head.size(), words.size()));
        } else if (SAME.contains(words.getFirst()) || words.getFirst().equals("cluster")
                && words.size() > 1 && CLUSTER_VERBS.contains(words.get(1))) {
            line.addAll(words);
        } else {
            throw UserError.usage("pcs: '" + String.join(" ", head) + "' is not supported by"
                    + " bramble yet; it runs " + supported() + " (see docs/cluster.md)");
        }
        line.addAll(file);
        return line.toArray(String[]::new);
    }

    private static String supported() {
        return "host auth, cluster setup|start|status|destroy|cib|cib-push, status, config,"
                + " resource, constraint, property, stonith, quorum status and node"
                + " standby|unstandby";
    }
}
