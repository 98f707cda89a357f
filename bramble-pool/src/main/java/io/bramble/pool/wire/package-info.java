/**
 * What nodes and the local CLI say to each other: the sealed {@link io.bramble.pool.wire.Message}
 * records and their strict, bounded binary codec. Pure; the Netty adapters sit in
 * {@code pool.link}.
 */
package io.bramble.pool.wire;
