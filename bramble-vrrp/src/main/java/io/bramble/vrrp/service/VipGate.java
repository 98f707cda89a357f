package io.bramble.vrrp.service;

/**
 * Whether this node may hold a virtual address: a load balancer answers "no" while a backend
 * it fronts on that address has no healthy server, so the node does not take the address (or
 * take it back after a restart) only to answer with errors. A closed gate puts the instances
 * holding that address in FAULT, as a failed weight-0 track script would. Polled every
 * {@link VrrpService#GATE_POLL_MS} ms from a watcher thread, and at once after
 * {@link VrrpService#reconsiderGates()}; it must answer quickly and never block.
 */
@FunctionalInterface
public interface VipGate {
    boolean open();
}
