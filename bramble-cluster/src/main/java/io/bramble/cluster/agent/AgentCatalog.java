package io.bramble.cluster.agent;

import io.bramble.common.config.Suggestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agents installed on a node, and what pcs answers about them: {@code pcs resource
 * standards}, {@code providers}, {@code agents [STD[:PROV]]}, and which agent a short name
 * ({@code IPaddr2}) means. Built once from what {@link AgentDiscovery} found; pure after that.
 */
public final class AgentCatalog {
    /** Fence agents pcs never lists: helpers installed beside the real ones. */
    static final Set<String> IGNORED_FENCE_AGENTS = Set.of("fence_ack_manual", "fence_check",
            "fence_kdump_send", "fence_legacy", "fence_na", "fence_node",
            "fence_nss_wrapper", "fence_pcmk", "fence_sanlockd", "fence_tool", "fence_virtd",
            "fence_vmware_helper");
    /** pcs sorts listed names without regard to case (names in messages, with it). */
    static final Comparator<String> PCS_ORDER = Comparator.comparing(
            (String s) -> s.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder());

    private final List<AgentName> agents;

    public AgentCatalog(List<AgentName> agents) {
        this.agents = List.copyOf(agents);
    }

    /** Every agent found, in no particular order. */
    public List<AgentName> all() {
        return agents;
    }

    public boolean contains(AgentName name) {
        return agents.contains(name);
    }

    /** {@code pcs resource standards}: one standard a line, stonith left out as pcs does. */
    public List<String> standards() {
        return sorted(agents.stream().filter(a -> !a.isStonith()).map(AgentName::standard)
                .toList());
    }

    /** {@code pcs resource providers}: the ocf providers. */
    public List<String> providers() {
        return sorted(agents.stream().filter(a -> a.standard().equals(AgentName.OCF))
                .map(a -> a.provider().orElseThrow()).toList());
    }

    /**
     * {@code pcs resource agents [STD[:PROV]]}: the types of one standard (and provider), or
     * without a filter the types of every standard, one a line, a type under two standards
     * twice (as pcs lists them). Fence agents are never listed here, even for the filter
     * {@code stonith}: pcs lists them with {@code pcs stonith list} ({@link #fenceAgents}).
     */
    public List<String> agents(Optional<String> filter) {
        if (filter.isEmpty()) {
            List<String> types = new ArrayList<>(agents.stream().filter(a -> !a.isStonith())
                    .map(AgentName::type).toList());
            types.sort(PCS_ORDER);
            return types;
        }
        String text = filter.get().endsWith(":")
                ? filter.get().substring(0, filter.get().length() - 1)
                : filter.get();
        int colon = text.indexOf(':');
        String standard = colon < 0 ? text : text.substring(0, colon);
        Optional<String> provider = colon < 0
                ? Optional.empty()
                : Optional.of(text.substring(colon + 1));
        return sorted(agents.stream()
                .filter(a -> !a.isStonith() && a.standard().equals(standard))
                .filter(a -> provider.isEmpty() || a.provider().equals(provider))
                .map(AgentName::type).toList());
    }

    /** The fence agents {@code pcs stonith list} shows: pcs's helper agents left out. */
    public List<AgentName> fenceAgents() {
        return agents.stream().filter(AgentName::isStonith)
                .filter(a -> !IGNORED_FENCE_AGENTS.contains(a.type()))
                .sorted(java.util.Comparator.comparing(AgentName::type, PCS_ORDER)).toList();
    }

    /**
     * The agent {@code typed} names: a full name as it is, or pcs's short form, the one agent
     * of that type under any standard (case does not matter). An unknown short name names the
     * nearest ones; an ambiguous one lists every match, as pcs does.
     */
    public Resolved resolve(String typed) {
        if (AgentName.isFull(typed)) {
            return new Resolved(AgentName.parse(typed), Optional.empty());
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        List<AgentName> matches = agents.stream()
                .filter(a -> !a.isStonith() || !IGNORED_FENCE_AGENTS.contains(a.type()))
                .filter(a -> a.type().toLowerCase(Locale.ROOT).equals(lower))
                .sorted(Comparator.comparing(AgentName::fullName)).toList();
        if (matches.size() == 1) {
            AgentName only = matches.getFirst();
            return new Resolved(only, Optional.of("Assumed agent name '" + only.fullName()
                    + "' (deduced from '" + typed + "')"));
        }
        if (matches.isEmpty()) {
            throw new AgentException("Unable to find agent '" + typed
                    + "', try specifying its full name" + nearest(typed));
        }
        throw new AgentException("Multiple agents match '" + typed
                + "', please specify full name: "
                + PcsLists.quoted(matches.stream().map(AgentName::fullName).toList(), "or"));
    }

    /**
     * The stonith agent {@code type} names, as {@code pcs stonith create} takes it: without
     * the {@code stonith:} prefix.
     */
    public AgentName stonith(String type) {
        if (type.indexOf(':') >= 0) {
            throw new AgentException("Invalid stonith agent name '" + type + "'. Agent name "
                    + "cannot contain the ':' character, do not use the 'stonith:' prefix.");
        }
        return AgentName.of(AgentName.STONITH, type);
    }

    private String nearest(String typed) {
        List<String> types = agents.stream().map(AgentName::type).distinct().toList();
        return Suggestions.closest(typed, types).map(near -> "; did you mean "
                + PcsLists.quoted(agents.stream().filter(a -> a.type().equals(near))
                        .map(AgentName::fullName).sorted().toList(), "or")
                + "?")
                .orElse("");
    }

    private static List<String> sorted(List<String> names) {
        TreeSet<String> unique = new TreeSet<>(PCS_ORDER);
        unique.addAll(names);
        return List.copyOf(unique);
    }

    /**
     * An agent a name resolved to.
     *
     * @param name the agent
     * @param note pcs's line for a short name ("Assumed agent name ..."), printed on stderr
     */
    public record Resolved(AgentName name, Optional<String> note) {}
}
