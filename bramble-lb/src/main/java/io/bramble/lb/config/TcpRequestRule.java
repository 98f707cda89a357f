package io.bramble.lb.config;

import java.util.Optional;

/**
 * One {@code tcp-request connection|content accept|reject [if|unless COND]} line of a frontend.
 * Connection rules run when a connection is accepted; content rules when its stream starts (at
 * once in tcp mode, with each request in http mode). Within a phase the first rule whose
 * condition holds decides; none holding accepts.
 *
 * @param phase connection or content
 * @param accept {@code accept}; false for {@code reject}
 * @param condition when; always when empty
 * @param location where it was written
 */
public record TcpRequestRule(Phase phase, boolean accept, Optional<Condition> condition,
        ConfigLocation location) {
    /** When a rule runs. */
    public enum Phase {
        CONNECTION, CONTENT
    }
}
