/**
 * Micro-benchmarks of reading requests off the wire ({@code io.bramble.lb.http1}): the
 * decoder's share of a proxied request's CPU, beside Netty's own HTTP decoder.
 */
package io.bramble.bench.http1;
