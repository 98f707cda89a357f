package io.bramble.fs.brick.wire;

/**
 * Told when a brick client's connection comes up (attached to its brick) or goes down. Called
 * on the client's network thread: it must return quickly and must not call the client.
 */
@FunctionalInterface
public interface ConnectionListener {
    void connectionChanged(BrickClient client, boolean connected);
}
