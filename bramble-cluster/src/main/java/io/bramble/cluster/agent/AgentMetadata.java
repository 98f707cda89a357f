package io.bramble.cluster.agent;

import java.util.List;
import java.util.Optional;

/**
 * What an agent says about itself through its {@code meta-data} action.
 *
 * @param name the agent it came from
 * @param ocfVersion the OCF version it implements ({@code 1.0}, {@code 1.1})
 * @param shortdesc one line
 * @param longdesc the full text
 * @param parameters in the agent's order
 * @param actions in the agent's order
 */
public record AgentMetadata(AgentName name, String ocfVersion, String shortdesc,
        String longdesc, List<AgentParameter> parameters, List<AgentAction> actions) {
    public AgentMetadata {
        parameters = List.copyOf(parameters);
        actions = List.copyOf(actions);
    }

    public Optional<AgentParameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** The first action of that name, if the agent lists one. */
    public Optional<AgentAction> action(String actionName) {
        return actions.stream().filter(a -> a.name().equals(actionName)).findFirst();
    }
}
