/**
 * {@code bramble node}, the per-node daemon: wires identity, links, liveness and the store
 * together, admits and detaches members ({@code peer probe}, {@code peer detach}) and runs the
 * commands the local CLI sends.
 */
package io.bramble.pool.node;
