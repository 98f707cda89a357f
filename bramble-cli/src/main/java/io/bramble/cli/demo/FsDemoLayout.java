package io.bramble.cli.demo;

import java.nio.file.Path;

/**
 * Where {@code bramble demo fs} lives: seed 001's two Pis (.121 and .122) and a witness
 * (.123) inside one 127.X.Y.0/24, which Linux routes to {@code lo} without any setup, and
 * ports 100 above Gluster's (management 24107, the store 24108, bricks 49252): a real node on
 * this machine listens on 24007 and 49152 of every address, and would be in the way.
 *
 * @param net the first three numbers of the addresses, such as {@code 127.0.4}
 * @param dir the demo's folder: state directories, bricks, the mount point, logs
 */
record FsDemoLayout(String net, Path dir) {
    static final String NET_DEFAULT = "127.0.4";
    static final int MANAGEMENT_PORT = 24_107;
    static final int BRICK_PORT = 49_252;
    static final String VOLUME = "gv0";

    /** Checks {@code net}; a usage error says what is wrong. */
    static FsDemoLayout of(String net, Path dir) {
        DemoLayout.checkNet(net);
        return new FsDemoLayout(net, dir);
    }

    /** Node 1 or 2's address; the witness is node 3. */
    String address(int node) {
        return net + ".12" + node;
    }

    /** The child process name of node 1, 2 or the witness (3). */
    static String name(int node) {
        return node == 3 ? "witness" : "node" + node;
    }

    Path stateDir(int node) {
        return dir.resolve("n" + node);
    }

    /** Node 1 or 2's brick folder. */
    Path brick(int node) {
        return dir.resolve("bricks/b" + node);
    }

    /** The brick as {@code volume create} takes it: {@code ADDRESS:PATH}. */
    String brickArgument(int node) {
        return address(node) + ":" + brick(node);
    }

    Path mountPoint() {
        return dir.resolve("mnt");
    }

    /** What the mount names: {@code 127.X.Y.121:/gv0}, as seed 001's 192.168.0.121:/gv0. */
    String source() {
        return address(1) + ":/" + VOLUME;
    }
}
