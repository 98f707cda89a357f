package io.bramble.cluster.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a resource's instance attributes against its agent's parameters as pcs does: a name
 * the agent does not know, and a required parameter left out, are errors that
 * {@code --force} turns into warnings. Values are not checked (pcs does not either: agents
 * check them in {@code validate-all} and {@code start}). Names are listed in pcs's order for
 * messages: sorted, upper case before lower.
 *
 * @param errors pcs's messages, to print after "Error: "
 * @param warnings pcs's messages, to print after "Warning: "
 */
public record AttributeCheck(List<String> errors, List<String> warnings) {
    private static final String FORCE_HINT = ", use --force to override";

    public AttributeCheck {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Checks {@code attributes} against {@code metadata}, pcs's view of the agent. */
    public static AttributeCheck of(AgentMetadata metadata, Map<String, String> attributes,
            boolean force) {
        String kind = metadata.name().isStonith() ? "stonith" : "resource";
        List<String> problems = new ArrayList<>();
        List<String> allowed = metadata.parameters().stream().map(AgentParameter::name)
                .sorted().toList();
        List<String> unknown = attributes.keySet().stream().filter(n -> !allowed.contains(n))
                .sorted().toList();
        if (!unknown.isEmpty()) {
            String named = unknown.size() == 1
                    ? "invalid " + kind + " option '"
                            + unknown.getFirst() + "'"
                    : "invalid " + kind + " options: " + PcsLists.quoted(unknown);
            problems.add(named + (allowed.isEmpty()
                    ? ", there are no options allowed"
                    : ", allowed options are: " + PcsLists.quoted(allowed)));
        }
        List<String> missing = metadata.parameters().stream()
                .filter(p -> p.required() && !p.deprecated())
                .filter(p -> !isSet(attributes, p.name())
                        && replacements(metadata, p.name()).stream()
                                .noneMatch(r -> isSet(attributes, r)))
                .map(AgentParameter::name).sorted().toList();
        if (!missing.isEmpty()) {
            problems.add(missing.size() == 1
                    ? "required " + kind + " option '" + missing.getFirst() + "' is missing"
                    : "required " + kind + " options " + PcsLists.quoted(missing)
                            + " are missing");
        }
        return force
                ? new AttributeCheck(List.of(), problems)
                : new AttributeCheck(problems.stream().map(p -> p + FORCE_HINT).toList(),
                        List.of());
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** The deprecated parameters that {@code name} replaces: setting one of them will do. */
    private static Set<String> replacements(AgentMetadata metadata, String name) {
        return Set.copyOf(metadata.parameters().stream()
                .filter(p -> p.deprecatedBy().contains(name)).map(AgentParameter::name)
                .toList());
    }

    private static boolean isSet(Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        return value != null && !value.isEmpty();
    }
}
