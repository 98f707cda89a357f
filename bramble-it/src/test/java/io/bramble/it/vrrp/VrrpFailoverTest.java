package io.bramble.it.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.testkit.process.ManagedProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code bramble vrrp} on a lab's LAN with the seed's priorities (101, 100) and no
 * advert_int: the master holds the address; kill -9 moves it to the backup, which the client
 * sees thanks to gratuitous ARP; the master's return takes it back; a cut link puts it in
 * FAULT (address removed) until the link is back; a clean stop hands it over at once.
 * Prints the times the client measured. Needs root (skipped otherwise).
 */
class VrrpFailoverTest {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    @Test
    void theAddressFollowsTheMasterThroughCrashRestartAndStop() throws Exception {
        NetnsLab lab = cluster.lab(NetnsLab.builder().host("lb1").host("lb2").host("client"));
        LabHost lb1 = lab.host("lb1");
        LabHost lb2 = lab.host("lb2");
        Path conf1 = VrrpLab.write(dir, "lb1.conf", VrrpLab.config(lb1, 101, "", ""));
        Path conf2 = VrrpLab.write(dir, "lb2.conf", VrrpLab.config(lb2, 100, "", ""));
        VrrpLab.web(lb1, dir);
        VrrpLab.web(lb2, dir);
        try (VipProbe client = new VipProbe(lab.host("client"), VrrpLab.VIP,
                VrrpLab.WEB_PORT)) {
            client.warmUp(lb1, lb2);
            ManagedProcess vrrp1 = lb1.startBramble("vrrp", "-f", conf1.toString());
            ManagedProcess vrrp2 = lb2.startBramble("vrrp", "-f", conf2.toString());
            vrrp2.awaitLine("INITIALIZE -> BACKUP");
            client.awaitAnswerFrom("lb1", VrrpLab.GENEROUS);
            VrrpLab.awaitVip(lb1, true);
            assertThat(VrrpLab.hasVip(lb2)).isFalse();

            VrrpLab.settle();
            long crashAt = System.nanoTime();
            String crashClock = java.time.LocalTime.now().toString();
            Faults.kill9(vrrp1);
            long crash = client.awaitAnswerFrom("lb2", VrrpLab.GENEROUS, crashAt);
            assertThat(VrrpLab.hasVip(lb2)).isTrue();
            // keepalived's weakness too: a killed process leaves its address behind.
            assertThat(VrrpLab.hasVip(lb1)).isTrue();

            long restartAt = System.nanoTime();
            ManagedProcess again = lb1.startBramble("vrrp", "-f", conf1.toString());
            long back = client.awaitAnswerFrom("lb1", VrrpLab.GENEROUS, restartAt);
            VrrpLab.awaitVip(lb2, false);
            assertThat(VrrpLab.hasVip(lb1)).isTrue();

            VrrpLab.settle();
            long cutAt = System.nanoTime();
            Faults.linkDown(lb1);
            long cut = client.awaitAnswerFrom("lb2", VrrpLab.GENEROUS, cutAt);
            again.awaitLine("MASTER -> FAULT \\(interface:eth0 is down\\)");
            VrrpLab.awaitVip(lb1, false);
            long plugAt = System.nanoTime();
            Faults.linkUp(lb1);
            long plugged = client.awaitAnswerFrom("lb1", VrrpLab.GENEROUS, plugAt);
            VrrpLab.awaitVip(lb2, false);

            VrrpLab.settle();
            long stopAt = System.nanoTime();
            again.stop();
            long stop = client.awaitAnswerFrom("lb2", VrrpLab.GENEROUS, stopAt);
            VrrpLab.awaitVip(lb1, false);
            assertThat(again.log().text()).contains("MASTER -> INITIALIZE (shutdown)");

            System.out.printf("bramble vrrp failover seen by the client: kill -9 of the "
                    + "master %d ms; restarted master serving again %d ms after its start "
                    + "(JVM start included); master's link cut %d ms, back %d ms after the "
                    + "link; clean stop (SIGTERM, until the process ended and lb2 answered) "
                    + "%d ms (kill -9 at %s)%n", crash, back, cut, plugged, stop, crashClock);
        }
    }
}
