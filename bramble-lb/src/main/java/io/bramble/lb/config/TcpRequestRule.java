package io.bramble.lb.config;

import java.util.Optional;

/**
 * One {@code tcp-request connection|content ACTION [if|unless COND]} line of a frontend.
 * Connection rules run when a connection is accepted; content rules when its stream starts (at
 * once in tcp mode, with each request in http mode). Within a phase the first accept or
 * reject whose condition holds decides; none holding accepts; a track-scN rule goes on.
 *
 * @param phase connection or content
 * @param action accept, reject or track-scN
 * @param condition when; always when empty
 * @param location where it was written
 */
public record TcpRequestRule(Phase phase, TcpRequestAction action, Optional<Condition> condition,
        ConfigLocation location) {
    /** When a rule runs. */
    public enum Phase {
        CONNECTION, CONTENT
    }
}
