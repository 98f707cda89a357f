package io.bramble.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.LabNodes;
import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Seed 003's two web servers as a network lab: {@code web1} and {@code web2} run
 * {@code bramble node}, {@code witness1} a witness node that gives the pair its quorum, and
 * {@code client} only polls. Each is a network namespace on one bridge, in seed 003's subnet
 * (192.168.56.0/24), so IPaddr2 puts the floating IP on a real interface and the web server
 * listens there. Node state lives in a folder under /tmp (a Unix socket's path is short),
 * removed with the lab. Needs root (the calling test is skipped otherwise).
 */
final class WebClusterLab implements AutoCloseable {
    static final String SUBNET = "192.168.56.0/24";
    static final String VIP = "192.168.56.204";
    static final List<String> NODES = List.of("web1", "web2");
    static final String WITNESS = "witness1";
    static final String CLIENT = "client";
    /** The page every node's web server serves. */
    static final String PAGE = "<h1>bramble web cluster</h1>\n";
    private final NetnsLab lab;
    private final Path dir;
    private final LabNodes nodes;

    private WebClusterLab(NetnsLab lab, Path dir) {
        this.lab = lab;
        this.dir = dir;
        this.nodes = new LabNodes(lab, this::launch);
    }

    /** Skips the calling test unless IPaddr2, the nginx agent and nginx are installed. */
    static void assumeAgents() {
        Path agents = Path.of("/usr/lib/ocf/resource.d/heartbeat");
        Assumptions.assumeTrue(Files.isExecutable(agents.resolve("IPaddr2"))
                && Files.isExecutable(agents.resolve("nginx")),
                "skipped: needs Debian's resource-agents package (IPaddr2, nginx)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")),
                "skipped: needs Debian's nginx package");
    }

    /** Opens the lab, starts the three nodes and makes them one pool, probed from web1. */
    static WebClusterLab open(LocalCluster cluster) {
        NetnsLab lab = cluster.lab(NetnsLab.builder().subnet(SUBNET).host(NODES.get(0))
                .host(NODES.get(1)).host(WITNESS).host(CLIENT));
        WebClusterLab web;
        try {
            web = new WebClusterLab(lab, Files.createTempDirectory("bramble-web-lab-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> members = List.of(NODES.get(0), NODES.get(1), WITNESS);
        web.writeHosts();
        web.nodes.startAll(members);
        for (String peer : members.subList(1, members.size())) {
            assertThat(web.cli(NODES.get(0), "peer", "probe", peer))
                    .isEqualTo("peer probe: success. \n");
        }
        return web;
    }

    /** The nodes' processes and hosts. */
    LabNodes nodes() {
        return nodes;
    }

    /**
     * Writes nginx's configuration for the web server resource: every node listens on port 80
     * of all its addresses, so only the node holding the floating IP answers on it. Returns
     * the file's path.
     */
    Path nginxConfig() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), PAGE);
        Path config = dir.resolve("nginx.conf");
        // The lab's folder is private to root, so the workers run as root to read it.
        Files.writeString(config, "user root;\nworker_processes 1;\npid " + dir.resolve(
                "nginx.pid") + ";\nerror_log " + dir.resolve("nginx-error.log") + ";\n"
                + "events {}\nhttp {\n  access_log off;\n  server {\n    listen 80;\n"
                + "    root " + site + ";\n  }\n}\n");
        return config;
    }

    /**
     * Seed 003's pcs sequence as far as it names the live cluster (the pool stands in for
     * {@code host auth} and {@code cluster setup}): fencing off, the floating IP and nginx in
     * group WebApp, which prefers web1 ({@code resource move} is a location constraint).
     * Returns {@code constraint}'s listing.
     */
    String createWebApp() throws IOException {
        String web1 = NODES.get(0);
        cli(web1, "property", "set", "stonith-enabled=false");
        cli(web1, "property", "set", "no-quorum-policy=ignore");
        cli(web1, "resource", "create", "AppIP", "ocf:heartbeat:IPaddr2", "ip=" + VIP,
                "cidr_netmask=24", "op", "monitor", "interval=15s");
        cli(web1, "resource", "create", "AppWebServer", "ocf:heartbeat:nginx",
                "configfile=" + nginxConfig(), "op", "monitor", "interval=15s");
        cli(web1, "resource", "group", "add", "WebApp", "AppIP");
        cli(web1, "resource", "group", "add", "WebApp", "AppWebServer");
        cli(web1, "constraint", "location", "WebApp", "prefers", web1 + "=50");
        return cli(NODES.get(1), "constraint");
    }

    /** {@code bramble ARGS} against {@code on}'s node; fails unless it succeeds. */
    String cli(String on, String... args) {
        return PoolNodes.succeeded(run(on, args), on, args);
    }

    /** {@code bramble ARGS} against {@code on}'s node, through its Unix socket. */
    PoolNodes.Result run(String on, String... args) {
        return PoolNodes.runAgainst(state(on), args);
    }

    /** Polls {@code status} on {@code on} every 100 ms until it contains {@code text}. */
    String awaitStatus(String on, String text, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            last = run(on, "status").out();
            if (last.contains(text)) {
                return last;
            }
            PoolNodes.sleep(100);
        }
        throw new AssertionError("status on " + on + " never showed '" + text + "'; last:\n"
                + last);
    }

    private ManagedProcess launch(LabHost host) {
        List<String> args = new ArrayList<>(List.of("node", "--state-dir", state(host.name())
                .toString(), "--listen", host.address().getHostAddress(), "--name",
                host.name()));
        if (host.name().equals(WITNESS)) {
            args.add("--witness");
        }
        return host.startBramble(Map.of("JDK_JAVA_OPTIONS", "-Djdk.net.hosts.file="
                + hostsFile()), args.toArray(String[]::new));
    }

    /**
     * The same hosts file for every node, as seed 003 makes /etc/hosts on each: the nodes
     * find each other by name, and a member's name is the one it was probed by.
     */
    private void writeHosts() {
        StringBuilder text = new StringBuilder();
        for (LabHost host : lab.hosts()) {
            text.append(host.address().getHostAddress()).append(' ').append(host.name())
                    .append('\n');
        }
        try {
            Files.writeString(hostsFile(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path hostsFile() {
        return dir.resolve("hosts");
    }

    private Path state(String name) {
        return dir.resolve("state").resolve(name);
    }

    /** A client polling the floating IP, and the nodes' namespaces asked who holds it. */
    VipWatch watch() throws Exception {
        Map<String, String> namespaces = new java.util.LinkedHashMap<>();
        NODES.forEach(n -> namespaces.put(n, lab.host(n).namespace()));
        return new VipWatch(java.net.InetAddress.getByName(VIP), PAGE,
                lab.host(CLIENT).namespace(), namespaces);
    }

    /** Stops the lab's processes and namespaces, then removes its folder. */
    @Override
    public void close() {
        try {
            lab.close();
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
