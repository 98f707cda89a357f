/**
 * The brick protocol: length-prefixed binary frames over mutual TLS on one port per node,
 * carrying file operations between {@link io.bramble.fs.brick.wire.BrickClient} (a
 * {@link io.bramble.fs.ops.FileOps} over the network) and the bricks a
 * {@link io.bramble.fs.brick.wire.BrickServer} serves. Owns the frame format and both ends
 * of the connection; the bricks themselves belong to {@code io.bramble.fs.brick}.
 */
package io.bramble.fs.brick.wire;
