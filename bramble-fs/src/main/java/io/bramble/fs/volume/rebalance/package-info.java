/**
 * {@code volume rebalance}: the node's runs of {@code fix-layout}, which walk a grown volume's
 * directories through a client stack and spread each over every subvolume, and what
 * {@code status} shows of them. Touches the volume only through its client stack.
 */
package io.bramble.fs.volume.rebalance;
