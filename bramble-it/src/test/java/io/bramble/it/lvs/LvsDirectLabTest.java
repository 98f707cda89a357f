package io.bramble.it.lvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's LVS test with direct routing and IP tunnelling, in a network-namespace lab: a
 * director (a VRRP instance holding the virtual address, a virtual server with rr; for DR a
 * pair of them, the backup taking over when the master stops) in front of two real servers
 * that hold the virtual address themselves, as LVS users set them up (on {@code lo} with
 * arp_ignore 1 and arp_announce 2 for DR; on {@code tunl0} with rp_filter off for TUN). A
 * client refreshing sees "This is real server1" and "...2" alternate, the pages coming
 * straight from the real servers (the director receives a fraction of their bytes); a real
 * server stopped is taken out by its checker and the client sees only the other. Needs root
 * (skipped otherwise).
 */
class LvsDirectLabTest {
    private static final String VIP = "10.77.0.200";
    /** DR and TUN keep the port: the real servers listen on the virtual one. */
    private static final int PORT = 8080;
    /** Each page is this long, so that its bytes would show at the director. */
    private static final int PAGE_BYTES = 64 * 1024;
    private static final int REFRESHES = 6;
    private static final HostPort SITE = new HostPort(VIP, PORT);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    @Test
    void directRoutingAlternatesAndRepliesBypassTheDirector() throws Exception {
        seed002("DR", "Route", this::directRoutingServer, true);
    }

    @Test
    void tunnellingAlternatesAndRepliesBypassTheDirector() throws Exception {
        seed002("TUN", "Tunnel", this::tunnelServer, false);
    }

    private interface RealServerSetup {
        void prepare(LabHost real) throws Exception;
    }

    /**
     * With {@code pair}, a second director (the VRRP backup, the same virtual server) takes
     * the address when the first stops, and the client's refreshes go on through it.
     */
    private void seed002(String kind, String forward, RealServerSetup setup, boolean pair)
            throws Exception {
        NetnsLab.Builder hosts = NetnsLab.builder().host("director").host("real1").host("real2")
                .host("client");
        NetnsLab lab = cluster.lab(pair ? hosts.host("director2") : hosts);
        LabHost director = lab.host("director");
        LabHost client = lab.host("client");
        List<ManagedProcess> webs = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            LabHost real = lab.host("real" + i);
            setup.prepare(real);
            webs.add(LabSites.web(real, dir, "This is real server" + i + "\n<!--"
                    + "x".repeat(PAGE_BYTES) + "-->\n", PORT));
        }
        ManagedProcess lvs = director(director, 101, kind, lab);
        ManagedProcess backup = pair ? director(lab.host("director2"), 100, kind, lab) : null;
        await("the client to reach the virtual server").atMost(Duration.ofSeconds(60))
                .until(() -> !refresh(client).equals("failed"));

        long receivedBefore = receivedBytes(director);
        List<String> pages = refreshes(client, REFRESHES);
        long received = receivedBytes(director) - receivedBefore;
        assertThat(pages).doesNotContain("failed").contains("server1", "server2");
        assertThat(pages.subList(0, REFRESHES - 1)).isNotEqualTo(pages.subList(1, REFRESHES));
        assertThat(received).as("bytes the director received while %d pages of %d bytes went"
                + " to the client", REFRESHES, PAGE_BYTES).isLessThan(PAGE_BYTES);

        ManagedProcess status = cluster.start("status", "lvs", "status", "--socket",
                dir.resolve("lvs-director.sock").toString());
        assertThat(status.awaitExit(Duration.ofSeconds(30))).isZero();
        assertThat(status.log().text()).contains("TCP  " + VIP + ":" + PORT + " rr")
                .contains(lab.host("real1").address().getHostAddress() + ":" + PORT)
                .contains(forward);
        ExecResult page = director.exec("curl", "-sS", "http://" + metrics(director)
                + "/metrics");
        check(page);
        assertThat(page.output()).containsPattern("node_ipvs_incoming_packets_total [1-9]")
                .containsPattern("node_ipvs_connections_total [1-9]")
                .contains("node_ipvs_outgoing_bytes_total 0\n")
                .contains("bramble_lvs_dropped_packets_total{reason=\"no_server\"}");

        if (pair) {
            lvs.stop();
            assertThat(lvs.log().text()).contains("DR/TUN director: forwarded");
            await("the backup director to answer").atMost(Duration.ofSeconds(60))
                    .until(() -> !refresh(client).equals("failed"));
            List<String> after = refreshes(client, REFRESHES);
            assertThat(after).doesNotContain("failed").contains("server1", "server2");
            lvs = backup;
        }

        webs.getFirst().stop();
        lvs.awaitLine("Disabling real server " + lab.host("real1").address().getHostAddress());
        assertThat(refreshes(client, 4)).containsOnly("server2");
        lvs.stop();
        assertThat(lvs.log().text()).contains("DR/TUN director: forwarded");
    }

    private ManagedProcess director(LabHost host, int priority, String kind, NetnsLab lab)
            throws IOException {
        Path conf = Files.writeString(dir.resolve(host.name() + ".conf"), config(host,
                priority, kind, lab.host("real1"), lab.host("real2")));
        ManagedProcess lvs = host.startBramble("vrrp", "-f", conf.toString(), "--lvs-socket",
                dir.resolve("lvs-" + host.name() + ".sock").toString(), "--metrics",
                metrics(host));
        lvs.awaitLine("Directing TCP virtual server " + VIP + " " + PORT + " by " + kind);
        return lvs;
    }

    private String config(LabHost director, int priority, String kind, LabHost real1,
            LabHost real2) {
        return "vrrp_instance VI_1 {\n    state BACKUP\n    interface "
                + director.interfaceName() + "\n    virtual_router_id 61\n    priority "
                + priority + "\n"
                + "    virtual_ipaddress {\n        " + VIP + "/24\n    }\n}\n"
                + "virtual_server " + VIP + " " + PORT + " {\n    delay_loop 1\n"
                + "    lb_algo rr\n    lb_kind " + kind + "\n    protocol TCP\n"
                + LabSites.realServer(real1, PORT) + LabSites.realServer(real2, PORT) + "}\n";
    }

    /** The virtual address on lo, never announced nor answered for on eth0. */
    private void directRoutingServer(LabHost real) {
        sysctl(real, "net.ipv4.conf.all.arp_ignore", "1");
        sysctl(real, "net.ipv4.conf.all.arp_announce", "2");
        check(real.exec("ip", "addr", "add", VIP + "/32", "dev", "lo"));
    }

    /**
     * The virtual address on tunl0: the kernel's when it has IP in IP, else a TUN device fed
     * by a small decapsulator (this lab's kernels may be built without it).
     */
    private void tunnelServer(LabHost real) throws IOException {
        sysctl(real, "net.ipv4.conf.all.arp_ignore", "1");
        sysctl(real, "net.ipv4.conf.all.arp_announce", "2");
        sysctl(real, "net.ipv4.conf.all.rp_filter", "0");
        sysctl(real, "net.ipv4.conf.default.rp_filter", "0");
        if (!real.exec("ip", "link", "show", "tunl0").ok()) {
            Assumptions.assumeTrue(real.exec("python3", "--version").ok(), "skipped: this "
                    + "kernel has no IP in IP (tunl0) and python3, which stands in for it, is "
                    + "missing");
            Path script = dir.resolve("ipip-to-tun.py");
            try (InputStream in = getClass().getResourceAsStream("/lvs/ipip-to-tun.py")) {
                Files.write(script, in.readAllBytes());
            }
            real.start("python3", script.toString(), "tunl0").awaitLine("ready");
        }
        sysctl(real, "net.ipv4.conf.tunl0.rp_filter", "0");
        check(real.exec("ip", "addr", "add", VIP + "/32", "dev", "tunl0"));
        check(real.exec("ip", "link", "set", "tunl0", "up"));
    }

    /** Where a director serves its metrics: its own address, port 9799. */
    private static String metrics(LabHost director) {
        return director.address().getHostAddress() + ":9799";
    }

    private static void sysctl(LabHost host, String key, String value) {
        check(host.exec("sh", "-c", "echo \"$1\" > \"/proc/sys/$0\"", key.replace('.', '/'),
                value));
    }

    private static void check(ExecResult result) {
        assertThat(result.ok()).as(result.describe()).isTrue();
    }

    private static long receivedBytes(LabHost host) {
        ExecResult result = host.exec("cat", "/sys/class/net/eth0/statistics/rx_bytes");
        check(result);
        return Long.parseLong(result.output().strip());
    }

    private static String refresh(LabHost client) {
        return LabSites.refresh(client, SITE, PAGE_BYTES);
    }

    private static List<String> refreshes(LabHost client, int count) {
        return LabSites.refreshes(client, SITE, PAGE_BYTES, count);
    }
}
