package io.bramble.cluster.agent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The text of {@code pcs resource list [FILTER]}: every agent but the fence agents by full
 * name, with its shortdesc ({@code ocf:heartbeat:Dummy - Example stateless resource agent}),
 * those whose full name holds the filter (case does not matter) when one is given.
 */
public final class AgentListing {
    private AgentListing() {
    }

    /**
     * The lines, {@code shortdesc} giving each agent's one-line description (empty for an
     * agent without one, or whose meta-data cannot be read: its name alone is listed); with
     * {@code describe} false ({@code --nodesc}) names only.
     */
    public static List<String> lines(AgentCatalog catalog, Optional<String> filter,
            boolean describe, Function<AgentName, Optional<String>> shortdesc) {
        List<AgentName> agents = catalog.all().stream().filter(a -> !a.isStonith())
                .sorted(Comparator.comparing(AgentName::fullName, AgentCatalog.PCS_ORDER))
                .toList();
        if (agents.isEmpty()) {
            throw new AgentException("No resource agents available. Do you have resource "
                    + "agents installed?");
        }
        String search = filter.map(f -> f.toLowerCase(Locale.ROOT)).orElse("");
        List<String> lines = new ArrayList<>();
        for (AgentName agent : agents) {
            if (!agent.fullName().toLowerCase(Locale.ROOT).contains(search)) {
                continue;
            }
            Optional<String> description = describe
                    ? shortdesc.apply(agent)
                            .filter(d -> !d.isEmpty())
                    : Optional.empty();
            lines.add(description.map(d -> agent.fullName() + " - " + d.replace('\n', ' '))
                    .orElse(agent.fullName()));
        }
        if (lines.isEmpty()) {
            throw new AgentException("No resource agents matching the filter.");
        }
        return lines;
    }
}
