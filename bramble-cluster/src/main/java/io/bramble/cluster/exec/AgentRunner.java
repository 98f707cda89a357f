package io.bramble.cluster.exec;

/**
 * Runs one action of one resource and waits for its result. Implementations block for up to
 * the request's timeout and are called from the executor's worker threads, several at once
 * (never two for the same resource).
 */
@FunctionalInterface
public interface AgentRunner {
    ActionResult run(ActionRequest request);
}
