/**
 * Mutual-TLS connections between nodes on the management port (Netty): the listener, the
 * standing links to every member that carry heartbeats, one-shot exchanges for probes and
 * remote commands, and the counting of bad frames.
 */
package io.bramble.pool.link;
