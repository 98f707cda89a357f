/**
 * How the {@code bramble} CLI reaches a node: the Unix socket in the node's state directory
 * (owner and root only) and, with {@code --remote-host}, the management port with the
 * pool's credentials.
 */
package io.bramble.pool.local;
