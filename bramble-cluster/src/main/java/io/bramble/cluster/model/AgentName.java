package io.bramble.cluster.model;

import io.bramble.common.check.Checks;
import java.util.Optional;

/**
 * A resource agent as pcs and Pacemaker name it: {@code class:provider:type} for OCF agents
 * ({@code ocf:heartbeat:IPaddr2}), {@code class:type} for the others ({@code systemd:httpd}).
 *
 * @param standard the class ({@code ocf}, {@code systemd}, {@code lsb}, {@code service}...)
 * @param provider the provider, present only for {@code ocf}
 * @param type the agent's name
 */
public record AgentName(String standard, Optional<String> provider, String type) {
    public AgentName {
        Checks.argument(standard != null && !standard.isBlank(), "an agent needs a class");
        Checks.argument(type != null && !type.isBlank(), "an agent needs a type");
        Checks.argument(provider.isPresent() == standard.equals("ocf"),
                "an agent has a provider exactly when its class is ocf");
    }

    /** An OCF agent, {@code ocf:PROVIDER:TYPE}. */
    public static AgentName ocf(String provider, String type) {
        return new AgentName("ocf", Optional.of(provider), type);
    }

    @Override
    public String toString() {
        return provider.map(p -> standard + ":" + p + ":" + type).orElse(standard + ":" + type);
    }
}
