package io.bramble.fs.volume.spec;

import io.bramble.fs.volume.Brick;

/**
 * Where a client reaches one brick.
 *
 * @param address the address the pool reaches the brick's member on (an IP address)
 * @param port the brick server's port; 0 when its member reported none
 * @param online whether its member reported it served when the spec was made
 */
public record BrickEndpoint(Brick brick, String address, int port, boolean online) {}
