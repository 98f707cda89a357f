/**
 * Choosing a server for a request: one class per {@code balance} algorithm behind
 * {@link io.bramble.lb.balance.Balancer}, with {@code slowstart}'s warm-up. Pure: no sockets
 * or threads, and only the injected clock the warm-ups are timed by; the proxy calls the hooks
 * from one thread per backend or under its lock.
 */
package io.bramble.lb.balance;
