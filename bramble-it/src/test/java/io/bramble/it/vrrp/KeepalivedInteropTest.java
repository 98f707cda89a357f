package io.bramble.it.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.testkit.process.ManagedProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * keepalived 2.2.7 (Debian) and {@code bramble vrrp} in one virtual router: each takes over
 * from the other when it crashes and hands the address back when it returns, first with
 * fast VRRP 3 adverts (both set to bramble's default, 0.1 s), then with keepalived's own
 * defaults (VRRP 2, 1 s, a PASS password). The client's view decides who holds the address.
 * Prints the takeover times. Needs root and keepalived (skipped otherwise).
 */
class KeepalivedInteropTest {
    private static final String FAST = "    vrrp_version 3\n";
    private static final String FAST_INSTANCE = "    advert_int 0.1\n";
    private static final String STOCK = "    vrrp_version 2\n";
    private static final String STOCK_INSTANCE = "    advert_int 1\n"
            + "    authentication {\n        auth_type PASS\n        auth_pass s3cret\n    }\n";

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    private final List<String> figures = new ArrayList<>();
    private LabHost ka;
    private LabHost bramble;
    private VipProbe client;

    @BeforeEach
    void lab() throws Exception {
        Keepalived.assumeInstalled();
        NetnsLab lab = cluster.lab(NetnsLab.builder().host("ka").host("bramble").host(
                "client"));
        ka = lab.host("ka");
        bramble = lab.host("bramble");
        VrrpLab.web(ka, dir);
        VrrpLab.web(bramble, dir);
        client = new VipProbe(lab.host("client"), VrrpLab.VIP, VrrpLab.WEB_PORT);
        client.warmUp(ka, bramble);
    }

    @AfterEach
    void report() {
        if (client != null) {
            client.close();
        }
        System.out.println(String.join("\n", figures));
    }

    @Test
    void brambleMasterKeepalivedBackupWithFastAdverts() {
        Path kaConf = VrrpLab.write(dir, "ka.conf", VrrpLab.config(ka, 100, FAST,
                FAST_INSTANCE));
        Path brConf = VrrpLab.write(dir, "bramble.conf", VrrpLab.config(bramble, 101, FAST,
                FAST_INSTANCE));
        ManagedProcess keepalived = Keepalived.start(ka, kaConf, dir, "ka1");
        client.awaitAnswerFrom("ka", VrrpLab.GENEROUS);

        long start = System.nanoTime();
        ManagedProcess vrrp = bramble.startBramble("vrrp", "-f", brConf.toString());
        time("bramble (101) preempts keepalived (100), from bramble's start", "bramble", start);
        VrrpLab.awaitVip(ka, false);

        VrrpLab.settle();
        long crash = System.nanoTime();
        Faults.kill9(vrrp);
        time("keepalived takes over after kill -9 of bramble", "ka", crash);

        long restart = System.nanoTime();
        bramble.startBramble("vrrp", "-f", brConf.toString());
        time("bramble takes the address back, from its start", "bramble", restart);
        VrrpLab.awaitVip(ka, false);
        assertThat(keepalived.isAlive()).isTrue();
        assertClean(keepalived);
    }

    @Test
    void keepalivedMasterBrambleBackupWithFastAdverts() {
        Path kaConf = VrrpLab.write(dir, "ka.conf", VrrpLab.config(ka, 101, FAST,
                FAST_INSTANCE));
        Path brConf = VrrpLab.write(dir, "bramble.conf", VrrpLab.config(bramble, 100, FAST,
                FAST_INSTANCE));
        ManagedProcess vrrp = bramble.startBramble("vrrp", "-f", brConf.toString());
        client.awaitAnswerFrom("bramble", VrrpLab.GENEROUS);

        long start = System.nanoTime();
        ManagedProcess first = Keepalived.start(ka, kaConf, dir, "ka1");
        time("keepalived (101) preempts bramble (100), from keepalived's start", "ka", start);
        VrrpLab.awaitVip(bramble, false);
        assertClean(first);

        VrrpLab.settle();
        long crash = System.nanoTime();
        List<ProcessHandle> killed = Keepalived.crash(ka);
        time("bramble takes over after kill -9 of keepalived", "bramble", crash);
        Keepalived.awaitGone(killed);
        assertThat(VrrpLab.hasVip(ka)).as("a crashed keepalived leaves its address").isTrue();

        long restart = System.nanoTime();
        ManagedProcess second = Keepalived.start(ka, kaConf, dir, "ka2");
        time("keepalived takes the address back, from its start", "ka", restart);
        VrrpLab.awaitVip(bramble, false);
        assertThat(vrrp.isAlive()).isTrue();
        assertClean(second);
    }

    @Test
    void keepalivedDefaultsVersion2WithPassword() {
        Path kaConf = VrrpLab.write(dir, "ka.conf", VrrpLab.config(ka, 101, STOCK,
                STOCK_INSTANCE));
        Path brConf = VrrpLab.write(dir, "bramble.conf", VrrpLab.config(bramble, 100, STOCK,
                STOCK_INSTANCE));
        ManagedProcess keepalived = Keepalived.start(ka, kaConf, dir, "ka1");
        client.awaitAnswerFrom("ka", VrrpLab.GENEROUS);
        ManagedProcess vrrp = bramble.startBramble("vrrp", "-f", brConf.toString());
        vrrp.awaitLine("INITIALIZE -> BACKUP");
        assertClean(keepalived);

        VrrpLab.settle();
        long crash = System.nanoTime();
        List<ProcessHandle> killed = Keepalived.crash(ka);
        time("VRRP 2: bramble takes over after kill -9 of keepalived", "bramble", crash);
        Keepalived.awaitGone(killed);

        long restart = System.nanoTime();
        ManagedProcess again = Keepalived.start(ka, kaConf, dir, "ka2");
        time("VRRP 2: keepalived takes the address back, from its start", "ka", restart);
        VrrpLab.awaitVip(bramble, false);
        assertThat(vrrp.log().text()).doesNotContain("another password", "ignored an advert");
        assertClean(again);
    }

    /** Waits for {@code expected} to answer and records the time since {@code startNanos}. */
    private void time(String what, String expected, long startNanos) {
        long ms = client.awaitAnswerFrom(expected, VrrpLab.GENEROUS, startNanos);
        figures.add(String.format("%-70s %6d ms", what, ms));
    }

    /** keepalived found nothing wrong in bramble's adverts. */
    private static void assertClean(ManagedProcess keepalived) {
        assertThat(keepalived.log().text()).doesNotContainIgnoringCase("invalid")
                .doesNotContainIgnoringCase("bogus").doesNotContainIgnoringCase("checksum")
                .doesNotContainIgnoringCase("mismatch");
    }
}
