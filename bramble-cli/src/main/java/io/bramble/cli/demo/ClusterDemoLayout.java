package io.bramble.cli.demo;

import java.nio.file.Path;

/**
 * Where {@code bramble demo cluster} lives: seed 003's two web servers (.131 and .132) and a
 * witness (.133) inside one 127.X.Y.0/24, with the floating IP at .140, and ports 110 above
 * Gluster's (management 24117, the store 24118, bricks 49262) so that neither a real node nor
 * {@code bramble demo fs} is in the way.
 *
 * @param net the first three numbers of the addresses, such as {@code 127.0.6}
 * @param dir the demo's folder: state directories, the site, the claims, logs
 */
record ClusterDemoLayout(String net, Path dir) {
    static final String NET_DEFAULT = "127.0.6";
    static final int MANAGEMENT_PORT = 24_117;
    static final int BRICK_PORT = 49_262;
    static final int SITE_PORT = 8_080;
    /** The group of seed 003 and its two resources. */
    static final String GROUP = "website";
    static final String VIP = "vip";
    static final String WEB = "web";
    /** What the site's page says, so the client knows it from any other answer. */
    static final String PAGE_TEXT = "the website of bramble demo cluster";

    /** Checks {@code net}; a usage error says what is wrong. */
    static ClusterDemoLayout of(String net, Path dir) {
        DemoLayout.checkNet(net);
        return new ClusterDemoLayout(net, dir);
    }

    /** Node 1 or 2's address; the witness is node 3. */
    String address(int node) {
        return net + ".13" + node;
    }

    /** The child process name of node 1, 2 or the witness (3), and the cluster's name. */
    static String name(int node) {
        return node == 3 ? "witness" : "node" + node;
    }

    /** Node 1 or 2 by its name. */
    static int number(String name) {
        return name.equals(name(1)) ? 1 : 2;
    }

    /**
     * The names the nodes' JVMs resolve ({@code -Djdk.net.hosts.file}): node1 and node2 to
     * their addresses, so that the pool and the cluster know them by name as seed 003's
     * /etc/hosts does, which only root may change.
     */
    Path hostsFile() {
        return dir.resolve("hosts");
    }

    String hostsText() {
        return address(1) + " " + name(1) + "\n" + address(2) + " " + name(2) + "\n";
    }

    String vip() {
        return net + ".140";
    }

    Path stateDir(int node) {
        return dir.resolve("n" + node);
    }

    /** Where node 1 or 2 runs its agents ({@code HA_RSCTMP}). */
    Path agentState(int node) {
        return stateDir(node).resolve("cluster/rsctmp");
    }

    /** The pid file {@code ocf:bramble:web} keeps on node 1 or 2. */
    Path webPidFile(int node) {
        return agentState(node).resolve("bramble-web-" + WEB + ".pid");
    }

    /** Where {@code ocf:bramble:vip-loopback} records which node holds the address. */
    Path claims() {
        return dir.resolve("claims");
    }

    Path site() {
        return dir.resolve("site");
    }

    /** The {@code bramble} command the web agent starts {@code bramble web} with. */
    Path launcher() {
        return dir.resolve("bin/bramble");
    }
}
