package io.bramble.fs.brick.wire;

import io.bramble.common.check.Checks;

/**
 * The bounds of a brick server.
 *
 * @param connectionsMax connections at once; more are closed on accept
 * @param inFlightMax requests of one connection queued or running at once; past it the
 *     server stops reading that connection until half have been answered
 * @param eventLoopThreads threads moving bytes (TLS and framing only)
 */
public record ServerSettings(int connectionsMax, int inFlightMax, int eventLoopThreads) {
    public static final ServerSettings DEFAULTS = new ServerSettings(1024, 256, 2);

    public ServerSettings {
        Checks.inRange(connectionsMax, 1, 1 << 20, "connectionsMax");
        Checks.inRange(inFlightMax, 1, 1 << 16, "inFlightMax");
        Checks.inRange(eventLoopThreads, 1, 256, "eventLoopThreads");
    }
}
