/**
 * The live cluster's configuration: the CIB kept in the pool's store, and the pcs words a
 * {@code bramble node} serves on it ({@code bramble resource create …} without {@code -f}).
 * Every change is one conditional update of the record on the version read, so that two
 * members editing at once never lose a change.
 */
package io.bramble.cluster.live;
