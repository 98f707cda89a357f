package io.bramble.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.exec.Programs;
import io.bramble.testkit.fault.Faults;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.LabRequirements;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.web.WebRoots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two hosts on a lab's bridge: one reaches the other until the cable is pulled. */
class TwoHostLabTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path sites;

    private static ExecResult ping(LabHost from, LabHost to) {
        return from.exec("ping", "-c", "1", "-W", "1", to.address().getHostAddress());
    }

    @Test
    void aReachesBUntilTheLinkIsCutAndAgainOnceRestored() {
        LabRequirements.assumeCommand("ping", "iputils-ping");
        NetnsLab lab = cluster.lab(NetnsLab.builder().host("a").host("b"));
        LabHost a = lab.host("a");
        LabHost b = lab.host("b");
        List<String> namespaces = lab.namespaces();

        assertThat(ping(a, b).ok()).as("%s", ping(a, b).describe()).isTrue();

        Faults.linkDown(b);
        ExecResult cut = ping(a, b);
        assertThat(cut.ok()).as("ping across a cut link: %s", cut.describe()).isFalse();

        Faults.linkUp(b);
        await("ping to work again").atMost(GENEROUS).until(() -> ping(a, b).ok());

        lab.close();
        String ip = Programs.find("ip").orElseThrow().toString();
        ExecResult list = Exec.run(GENEROUS, List.of(ip, "netns", "list"));
        assertThat(list.ok()).isTrue();
        namespaces.forEach(ns -> assertThat(list.output()).doesNotContain(ns));
    }

    @Test
    void aBrambleServerInOneHostAnswersTheOther() {
        NetnsLab lab = cluster.lab(NetnsLab.builder().host("a").host("b"));
        LabHost a = lab.host("a");
        LabHost b = lab.host("b");
        HostPort bind = new HostPort(b.address().getHostAddress(), 8080);
        ManagedProcess web = b.startBramble("web", "--root", WebRoots.named(sites, "b")
                .toString(), "--bind", bind.toString());

        await("bramble web in b to answer a").atMost(Duration.ofSeconds(60))
                .until(() -> a.canConnect(bind) || !web.isAlive());
        ExecResult answer = a.httpGet(bind, "/");
        assertThat(answer.output()).as(web.report()).startsWith("HTTP/1.")
                .contains(" 200 ", "I am b");
        assertThat(b.pids()).contains(web.pid());

        Faults.linkDown(a);
        assertThat(a.canConnect(bind)).isFalse();
        Faults.linkUp(a);
        await("a to reach b again").atMost(GENEROUS).until(() -> a.canConnect(bind));
    }
}
