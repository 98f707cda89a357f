/**
 * Heartbeat's own files, read to bring a Heartbeat cluster over: {@code ha.cf} (who the nodes
 * are, {@code auto_failback}) and {@code haresources} (which resources run together, on which
 * node first), turned into the pcs commands that make the same resources, groups and
 * preferences in a CIB. Pure: texts in, commands and notes out.
 */
package io.bramble.cluster.heartbeat;
