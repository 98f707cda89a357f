package io.bramble.cli.demo;

import java.nio.file.Path;

/**
 * Where {@code bramble demo compute} lives: three nodes (.151, .152, .153) inside one
 * 127.X.Y.0/24, with management ports 210 above Gluster's (24217, the store 24218, bricks
 * 49362) and Spark's ports 10000 above Spark's defaults (master 17077, its web UI 18080, the
 * workers' 18081), so that neither a real node or Spark nor another demo is in the way.
 *
 * @param net the first three numbers of the addresses, such as {@code 127.0.5}
 * @param dir the demo's folder: state directories, logs (and the job's jar, when made)
 */
record ComputeDemoLayout(String net, Path dir) {
    static final String NET_DEFAULT = "127.0.5";
    static final int NODES = 3;
    static final int MANAGEMENT_PORT = 24_217;
    static final int BRICK_PORT = 49_362;
    static final int SPARK_PORT = 17_077;
    static final int SPARK_UI_PORT = 18_080;
    static final int WORKER_UI_PORT = 18_081;

    /** Checks {@code net}; a usage error says what is wrong. */
    static ComputeDemoLayout of(String net, Path dir) {
        DemoLayout.checkNet(net);
        return new ComputeDemoLayout(net, dir);
    }

    /** Node 1, 2 or 3's address. */
    String address(int node) {
        return net + ".15" + node;
    }

    /** The child process name of node 1, 2 or 3, and its name in the pool. */
    static String name(int node) {
        return "spark" + node;
    }

    Path stateDir(int node) {
        return dir.resolve(name(node));
    }
}
