package io.bramble.it.lb;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.web.WebRoots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starting {@code bramble web} servers and a {@code bramble lb} in front of them. */
final class LbProcesses {
    private LbProcesses() {
    }

    static ManagedProcess startWeb(LocalCluster cluster, Path dir, String name) {
        Path root = WebRoots.named(dir, name);
        HostPort bind = cluster.endpoint(name);
        ManagedProcess web = cluster.start(name, "web", "--root", root.toString(), "--bind",
                bind.toString());
        return web;
    }

    /**
     * Starts web1 and web2 and a load balancer with {@code global} (a global section or
     * nothing), a frontend on the cluster's "lb" endpoint and backend {@code app} over both
     * servers with checks every 200 ms; {@code frontendExtra} is added to the frontend.
     * Returns the frontend's address once every process listens.
     */
    static HostPort startTwoWebsAndLb(LocalCluster cluster, Path dir, String global,
            String frontendExtra) {
        ManagedProcess web1 = startWeb(cluster, dir, "web1");
        ManagedProcess web2 = startWeb(cluster, dir, "web2");
        HostPort lb = cluster.endpoint("lb");
        String config = global + defaults() + "frontend www\n  bind " + lb + "\n"
                + frontendExtra + "  default_backend app\n" + "backend app\n"
                + "  server web1 " + cluster.endpoint("web1") + " check inter 200\n"
                + "  server web2 " + cluster.endpoint("web2") + " check inter 200\n";
        Path file = write(dir.resolve("haproxy.cfg"), config);
        web1.awaitPort();
        web2.awaitPort();
        ManagedProcess balancer = cluster.start("lb", "lb", "-f", file.toString());
        balancer.awaitPort();
        return lb;
    }

    static String defaults() {
        return "defaults\n  mode http\n  timeout connect 2s\n  timeout client 30s\n"
                + "  timeout server 30s\n";
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
