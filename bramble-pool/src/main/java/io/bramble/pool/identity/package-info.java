/**
 * Who this node is and what it keeps: its UUID, names and credentials in the state directory
 * ({@link io.bramble.pool.identity.StateDir}), and whether and to which pool it belongs.
 */
package io.bramble.pool.identity;
