package io.bramble.cluster.heartbeat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Heartbeat's haresources and ha.cf as pcs commands. Each haresources line becomes its
 * resources (one group {@code group_N} for the N-th line when it has several, which starts them
 * left to right, on one node, and stops them right to left, as Heartbeat did) and a preference
 * of score {@value #PREFERENCE} for its node. {@code auto_failback off} becomes a resource
 * stickiness of INFINITY, so that resources stay where they run when their node comes back;
 * with {@code on} (Heartbeat's default) there is none and the preference brings them back.
 */
public final class HeartbeatImport {
    /** The score of a line's node: any positive one, beaten by a stickiness of INFINITY. */
    static final int PREFERENCE = 100;

    private HeartbeatImport() {
    }

    /** The commands, in the order to run them; fails at the first line bramble cannot take. */
    public static List<ImportStep> steps(HaCf haCf, List<HaresourcesLine> lines) {
        List<ImportStep> steps = new ArrayList<>();
        if (haCf.autoFailback() == AutoFailback.OFF && !lines.isEmpty()) {
            steps.add(new ImportStep(lines.getFirst().where(), List.of("resource", "defaults",
                    "update", "resource-stickiness=INFINITY")));
        }
        Set<String> ids = new HashSet<>();
        int number = 0;
        for (HaresourcesLine line : lines) {
            number++;
            if (!haCf.nodes().isEmpty() && !haCf.nodes().contains(line.node())) {
                throw new HeartbeatException(line.where().file(), line.where().line(),
                        line.node() + ": not a node of ha.cf (" + String.join(", ",
                                haCf.nodes()) + ")");
            }
            boolean grouped = line.resources().size() > 1;
            String group = "group_" + number;
            String placed = null;
            for (LegacyResource resource : line.resources()) {
                LegacyScripts.Translation translation = LegacyScripts.translate(resource);
                String id = unique(ids, idOf(resource));
                List<String> words = new ArrayList<>(List.of("resource", "create", id,
                        translation.agent().toString()));
                words.addAll(translation.attributes());
                if (grouped) {
                    words.addAll(List.of("--group", group));
                }
                steps.add(new ImportStep(resource.where(), words));
                placed = grouped ? group : id;
            }
            steps.add(new ImportStep(line.where(), List.of("constraint", "location", placed,
                    "prefers", line.node() + "=" + PREFERENCE)));
        }
        return steps;
    }

    /** {@code IPaddr_10_0_0_5} for an address, the script's name for the rest. */
    private static String idOf(LegacyResource resource) {
        String base = resource.script().startsWith("IPaddr")
                ? resource.script() + "_" + resource.arguments().getFirst().split("/")[0]
                : resource.script();
        String id = base.replaceAll("[^A-Za-z0-9_-]", "_");
        return Character.isLetter(id.charAt(0)) || id.charAt(0) == '_' ? id : "_" + id;
    }

    private static String unique(Set<String> taken, String id) {
        String candidate = id;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = id + "_" + n;
        }
        return candidate;
    }
}
