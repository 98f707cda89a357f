package io.bramble.fs.volume.serve;

/**
 * What a brick's server is doing.
 *
 * @param tcpPort the port clients reach it on; 0 while it has none
 * @param pid the process serving it (the node's own, for servers inside the node)
 */
public record BrickStatus(boolean online, int tcpPort, long pid) {
    public static final BrickStatus OFFLINE = new BrickStatus(false, 0, 0);
}
