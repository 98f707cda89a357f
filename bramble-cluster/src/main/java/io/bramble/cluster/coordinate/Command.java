package io.bramble.cluster.coordinate;

/** What the coordinator asks its shell to send. */
public sealed interface Command {
    /** Send an instruction to its node. */
    record Dispatch(Instruction instruction) implements Command {}

    /**
     * Answer a node's lease request: it may run resources for a lease from the time it sent
     * the request ({@code requestSentMs}, its own clock).
     */
    record Grant(String node, long requestSentMs, long session) implements Command {}

    /** Power the node off with its fence device and report when it is off. */
    record Fence(String node) implements Command {}
}
