package io.bramble.fs.brick.wire;

/** A brick as a connection names it: its volume and its folder on the serving node. */
record BrickKey(String volume, String brickPath) {
    @Override
    public String toString() {
        return volume + ":" + brickPath;
    }
}
