package io.bramble.cluster.agent;

import io.bramble.common.error.UserError;

/**
 * A mistake in an agent name or in a resource's attributes. The message is pcs's own text
 * for the same mistake, without the "Error: " that pcs prints before it.
 */
public final class AgentException extends UserError {
    public AgentException(String message) {
        super(EXIT_USAGE, message);
    }
}
