/**
 * The running load balancer: Netty listeners for HTTP and TCP proxies, server connection
 * pools, retries and redispatch, the health-check scheduler around the pure state machine,
 * and the stats endpoint. Owns sockets and event loops; decisions come from the balance,
 * check, persist and acl packages.
 */
package io.bramble.lb.proxy;
