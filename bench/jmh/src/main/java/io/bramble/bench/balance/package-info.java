/**
 * Micro-benchmarks of the server choice ({@code io.bramble.lb.balance}): the balancer's share
 * of a proxied request's CPU. Reads the balancer's public API only.
 */
package io.bramble.bench.balance;
