/**
 * {@code volume rebalance}: the node's runs of {@code fix-layout} and {@code start}, which walk
 * a grown volume's directories through a client stack, spread each over every subvolume and
 * (for {@code start}) move its files to the subvolumes their names hash to, or (for
 * {@code remove-brick start}) off the subvolumes being removed, and what {@code status} shows
 * of them. Touches the volume only through its client stack.
 */
package io.bramble.fs.volume.rebalance;
