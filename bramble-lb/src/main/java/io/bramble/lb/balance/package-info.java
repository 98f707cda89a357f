/**
 * Choosing a server for a request: one class per {@code balance} algorithm behind
 * {@link io.bramble.lb.balance.Balancer}. Pure: no sockets, threads or clocks; the proxy calls
 * the hooks from one thread per backend or under its lock.
 */
package io.bramble.lb.balance;
