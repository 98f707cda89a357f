package io.bramble.cluster.agent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The text of {@code pcs resource list [FILTER]} and {@code pcs stonith list [FILTER]}: each
 * agent with its shortdesc ({@code ocf:heartbeat:Dummy - Example stateless resource agent}),
 * those whose name holds the filter (case does not matter) when one is given.
 */
public final class AgentListing {
    private AgentListing() {
    }

    /**
     * {@code pcs resource list}: every agent but the fence agents, by full name.
     * {@code shortdesc} gives each agent's one-line description (empty for an agent without
     * one, or whose meta-data cannot be read: its name alone is listed); with
     * {@code describe} false ({@code --nodesc}) names only.
     */
    public static List<String> lines(AgentCatalog catalog, Optional<String> filter,
            boolean describe, Function<AgentName, Optional<String>> shortdesc) {
        List<AgentName> agents = catalog.all().stream().filter(a -> !a.isStonith())
                .sorted(Comparator.comparing(AgentName::fullName, AgentCatalog.PCS_ORDER))
                .toList();
        return lines(agents, AgentName::fullName, "resource", filter, describe, shortdesc);
    }

    /**
     * {@code pcs stonith list}: the fence agents by type
     * ({@code fence_xvm - Fence agent for virtual machines}), likewise filtered.
     */
    public static List<String> fenceLines(AgentCatalog catalog, Optional<String> filter,
            boolean describe, Function<AgentName, Optional<String>> shortdesc) {
        return lines(catalog.fenceAgents(), AgentName::type, "stonith", filter, describe,
                shortdesc);
    }

    private static List<String> lines(List<AgentName> agents, Function<AgentName, String> name,
            String kind, Optional<String> filter, boolean describe,
            Function<AgentName, Optional<String>> shortdesc) {
        if (agents.isEmpty()) {
            throw new AgentException("No " + kind + " agents available. Do you have "
                    + (kind.equals("stonith") ? "fence" : kind) + " agents installed?");
        }
        String search = filter.map(f -> f.toLowerCase(Locale.ROOT)).orElse("");
        List<String> lines = new ArrayList<>();
        for (AgentName agent : agents) {
            String shown = name.apply(agent);
            if (!shown.toLowerCase(Locale.ROOT).contains(search)) {
                continue;
            }
            Optional<String> description = describe
                    ? shortdesc.apply(agent)
                            .filter(d -> !d.isEmpty())
                    : Optional.empty();
            lines.add(description.map(d -> shown + " - " + d.replace('\n', ' '))
                    .orElse(shown));
        }
        if (lines.isEmpty()) {
            throw new AgentException("No " + kind + " agents matching the filter.");
        }
        return lines;
    }
}
