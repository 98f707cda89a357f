/**
 * The cluster store: typed, versioned records every member holds a copy of, replicated with
 * Apache Ratis. {@link io.bramble.pool.store.ClusterStore} is what other modules use; the pure
 * {@link io.bramble.pool.store.StoreState} decides every change; the Ratis shell orders them.
 */
package io.bramble.pool.store;
