package io.bramble.it.lvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.testkit.process.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002's LVS cluster in a network-namespace lab: two directors running one
 * keepalived.conf each (a VRRP instance holding the virtual address and a virtual server on
 * it, rr, NAT) in front of two real servers saying "This is real server1" and "...2". A client
 * refreshing sees the two alternate; the master director stopped, the backup takes the
 * address and the client still sees both alternate. Needs root (skipped otherwise).
 */
class LvsSeed002LabTest {
    private static final String VIP = "10.77.0.200";
    private static final int WEB_PORT = 8080;
    private static final HostPort SITE = new HostPort(VIP, 80);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    private String config(LabHost director, int priority, LabHost real1, LabHost real2) {
        return "vrrp_instance VI_1 {\n    state BACKUP\n    interface "
                + director.interfaceName() + "\n    virtual_router_id 60\n    priority "
                + priority + "\n    virtual_ipaddress {\n        " + VIP + "\n    }\n}\n"
                + "virtual_server " + VIP + " 80 {\n    delay_loop 1\n    lb_algo rr\n"
                + "    lb_kind NAT\n    protocol TCP\n"
                + LabSites.realServer(real1, WEB_PORT) + LabSites.realServer(real2, WEB_PORT)
                + "}\n";
    }

    @Test
    void refreshingAlternatesThroughWhicheverDirectorHoldsTheAddress() throws Exception {
        NetnsLab lab = cluster.lab(NetnsLab.builder().host("director1").host("director2")
                .host("real1").host("real2").host("client"));
        LabHost director1 = lab.host("director1");
        LabHost director2 = lab.host("director2");
        LabHost client = lab.host("client");
        LabSites.web(lab.host("real1"), dir, "This is real server1\n", WEB_PORT);
        LabSites.web(lab.host("real2"), dir, "This is real server2\n", WEB_PORT);
        Path conf1 = Files.writeString(dir.resolve("director1.conf"),
                config(director1, 101, lab.host("real1"), lab.host("real2")));
        Path conf2 = Files.writeString(dir.resolve("director2.conf"),
                config(director2, 100, lab.host("real1"), lab.host("real2")));
        ManagedProcess lvs1 = director1.startBramble("vrrp", "-f", conf1.toString(),
                "--lvs-socket", dir.resolve("lvs1.sock").toString());
        ManagedProcess lvs2 = director2.startBramble("vrrp", "-f", conf2.toString(),
                "--lvs-socket", dir.resolve("lvs2.sock").toString());
        lvs1.awaitLine("Directing TCP virtual server");
        lvs2.awaitLine("Directing TCP virtual server");
        // Both start as BACKUP: director2 may hold the address for a moment before director1,
        // of higher priority, takes it; the refreshes are counted once it has.
        lvs1.awaitLine("BACKUP -> MASTER");
        await("the client to reach the virtual server").atMost(Duration.ofSeconds(60))
                .until(() -> !LabSites.refreshes(client, SITE, 0, 3).contains("failed"));
        List<String> before = LabSites.refreshes(client, SITE, 0, 6);
        assertThat(before).doesNotContain("failed");
        assertThat(before.subList(0, 5)).isNotEqualTo(before.subList(1, 6));
        assertThat(before).contains("server1", "server2");

        lvs1.stop();
        await("the backup director to answer").atMost(Duration.ofSeconds(60))
                .until(() -> !LabSites.refresh(client, SITE, 0).equals("failed"));
        List<String> after = LabSites.refreshes(client, SITE, 0, 6);
        assertThat(after).doesNotContain("failed");
        assertThat(after).contains("server1", "server2");
        assertThat(lvs2.log().text()).contains("Directing TCP virtual server");
    }
}
