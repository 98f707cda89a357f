package io.bramble.cluster.agent;

import java.util.List;
import java.util.Optional;

/**
 * One parameter of an agent's meta-data: what a resource sets as an instance attribute and
 * the agent reads as {@code OCF_RESKEY_<name>}.
 *
 * @param name the attribute's name
 * @param required whether a resource must set it
 * @param uniqueGroup OCF 1.1's unique group; OCF 1.0's {@code unique="1"} is a group of its
 *     own, named {@link #OWN_UNIQUE_GROUP_PREFIX} and the parameter
 * @param advanced hidden by {@code pcs resource describe} unless {@code --full}
 * @param deprecated hidden likewise, still accepted
 * @param deprecatedBy the parameters that replace it
 * @param type the content type ({@code string}, {@code integer}, {@code boolean}, ...)
 * @param defaultValue the default the agent applies, as its meta-data shows it
 * @param shortdesc one line
 * @param longdesc the full text
 */
public record AgentParameter(String name, boolean required, Optional<String> uniqueGroup,
        boolean advanced, boolean deprecated, List<String> deprecatedBy, String type,
        Optional<String> defaultValue, String shortdesc, String longdesc) {
    /** Prefix of the group an OCF 1.0 unique parameter forms alone. */
    public static final String OWN_UNIQUE_GROUP_PREFIX = "_pcs_unique_group_";

    public AgentParameter {
        deprecatedBy = List.copyOf(deprecatedBy);
    }

    /** An optional advanced parameter: the extra ones pcs adds have this shape. */
    static AgentParameter advancedString(String name, String type, String defaultValue,
            String shortdesc, String longdesc) {
        return new AgentParameter(name, false, Optional.empty(), true, false, List.of(), type,
                Optional.of(defaultValue), shortdesc, longdesc);
    }

    /** An optional parameter shown by describe. */
    static AgentParameter optional(String name, String shortdesc, String longdesc) {
        return new AgentParameter(name, false, Optional.empty(), false, false, List.of(),
                "string", Optional.empty(), shortdesc, longdesc);
    }
}
