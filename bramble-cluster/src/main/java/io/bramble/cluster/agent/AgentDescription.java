package io.bramble.cluster.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code pcs resource describe AGENT} (and {@code pcs stonith describe}), as pcs
 * 0.11 prints it when its output is not a terminal (no wrapping): the name and shortdesc, the
 * longdesc, "Resource options:" (or "Stonith options:") with one line a parameter, and
 * "Default operations:". Advanced and deprecated parameters show only with {@code --full}.
 */
public final class AgentDescription {
    private static final String INDENT = "  ";

    private AgentDescription() {
    }

    /** The lines, {@code metadata} being pcs's view of the agent ({@link PcsMetadata}). */
    public static List<String> lines(AgentMetadata metadata, boolean full) {
        List<String> out = new ArrayList<>();
        boolean stonith = metadata.name().isStonith();
        String title = stonith ? metadata.name().type() : metadata.name().fullName();
        out.add(metadata.shortdesc().isEmpty()
                ? title
                : title + " - " + flat(metadata.shortdesc()));
        if (!metadata.longdesc().isEmpty()) {
            out.add("");
            out.add(flat(metadata.longdesc()));
        }
        List<String> parameters = new ArrayList<>();
        for (AgentParameter p : metadata.parameters()) {
            if (full || !(p.advanced() || p.deprecated())) {
                parameters.add(INDENT + parameter(p));
            }
        }
        if (!parameters.isEmpty()) {
            out.add("");
            out.add(stonith ? "Stonith options:" : "Resource options:");
            out.addAll(parameters);
        }
        List<DefaultOperation> operations = DefaultOperations.of(metadata);
        if (!operations.isEmpty()) {
            out.add("");
            out.add("Default operations:");
            operations.forEach(o -> operation(o).forEach(line -> out.add(INDENT + line)));
        }
        return out;
    }

    private static String parameter(AgentParameter p) {
        List<String> title = new ArrayList<>(List.of(p.name()));
        if (!p.deprecatedBy().isEmpty()) {
            title.add("(deprecated by " + String.join(", ", p.deprecatedBy()) + ")");
        } else if (p.deprecated()) {
            title.add("(deprecated)");
        }
        if (p.required()) {
            title.add("(required)");
        }
        p.uniqueGroup().ifPresent(g -> title.add(
                g.startsWith(AgentParameter.OWN_UNIQUE_GROUP_PREFIX)
                        ? "(unique)"
                        : "(unique group: " + g + ")"));
        String description = !p.longdesc().isEmpty()
                ? flat(p.longdesc())
                : !p.shortdesc().isEmpty() ? flat(p.shortdesc()) : "No description available";
        return String.join(" ", title) + ": " + description;
    }

    /** {@code name:}, then its interval, start delay, timeout and role a line each. */
    private static List<String> operation(DefaultOperation o) {
        List<String> lines = new ArrayList<>(List.of(o.name() + ":", INDENT + "interval="
                + o.interval()));
        o.startDelay().ifPresent(d -> lines.add(INDENT + "start-delay=" + d));
        o.timeout().ifPresent(t -> lines.add(INDENT + "timeout=" + t));
        o.role().ifPresent(r -> lines.add(INDENT + "role=" + r));
        return lines;
    }

    /** pcs turns each line break into a space and keeps the rest as written. */
    private static String flat(String text) {
        return text.replace('\n', ' ');
    }
}
