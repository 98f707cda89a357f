package io.bramble.fs.brick.wire;

/**
 * Where a brick is served: the node's address and brick port, and the brick's volume and
 * folder as {@code volume info} prints them ({@code host:/path}).
 */
public record BrickTarget(String host, int port, String volume, String brickPath) {
    @Override
    public String toString() {
        return volume + " " + host + ":" + brickPath + " (port " + port + ")";
    }
}
