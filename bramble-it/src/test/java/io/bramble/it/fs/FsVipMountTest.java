package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.cli.Main;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.fault.Faults;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.testkit.process.ManagedProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's virtual mount point: two storage nodes run {@code bramble vrrp} with the seed's
 * keepalived.conf, the same on both ({@code state MASTER}, {@code priority 100}, a track
 * script of weight 2 on the storage daemon, here {@code bin/check-bramble-node} for
 * {@code killall -0 glusterd}); a client machine mounts {@code VIP:/gv0} and writes the date
 * in a loop while the node of the address's holder is killed. The address moves to the node
 * that still serves, the loop goes on, and a mount of {@code VIP:/gv0} made afterwards works.
 * Needs root and /dev/fuse (skipped otherwise).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FsVipMountTest {
    private static final String VIP = "10.77.0.100";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
    private static final int ROUNDS_PER_PHASE = 10;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @TempDir
    Path dir;

    @Test
    void theClientWritesOnThroughTheVirtualAddressWhenItsHolderDies() throws Exception {
        FuseRequirements.assumeMountable();
        NetnsLab lab = cluster.lab(NetnsLab.builder().host("gluster1").host("gluster2")
                .host("client"));
        Map<String, ManagedProcess> nodes = new HashMap<>();
        for (LabHost host : lab.hosts()) {
            List<String> args = new ArrayList<>(List.of("node", "--state-dir", state(host)
                    .toString(), "--name", host.name()));
            if (host.name().equals("client")) {
                // seed 001's moses: a machine that mounts, and the pool's third vote.
                args.add("--witness");
            }
            nodes.put(host.name(), host.startBramble(args.toArray(String[]::new)));
        }
        for (ManagedProcess node : nodes.values()) {
            node.awaitLine("listening on");
        }
        LabHost g1 = lab.host("gluster1");
        LabHost g2 = lab.host("gluster2");
        LabHost client = lab.host("client");
        for (LabHost peer : List.of(g2, client)) {
            assertThat(cli(g1, "peer", "probe", address(peer))).isEqualTo(
                    "peer probe: success. \n");
        }
        assertThat(cli(g1, "volume", "create", "vol0", "replica", "2", address(g1) + ":" + dir
                .resolve("gluster1/brick"), address(g2) + ":" + dir.resolve("gluster2/brick"),
                "force")).isEqualTo("volume create: vol0: success: please start the volume to"
                        + " access data\n");
        assertThat(cli(g1, "volume", "start", "vol0")).isEqualTo("volume start: vol0:"
                + " success\n");

        Map<String, ManagedProcess> vrrps = new HashMap<>();
        for (LabHost host : List.of(g1, g2)) {
            Path conf = Files.writeString(dir.resolve(host.name() + "-keepalived.conf"),
                    seedConf(host.interfaceName()));
            vrrps.put(host.name(), host.startBramble("vrrp", "-f", conf.toString()));
        }
        await("one node to hold " + VIP).atMost(PATIENCE).until(() -> holder(g1, g2) != null);

        Path mnt = Files.createDirectories(dir.resolve("mnt"));
        mount(client, mnt);
        DateLoop loop = new DateLoop(mnt.resolve("date.txt"));
        loop.phase("both up");
        loop.start();
        LabHost holder;
        LabHost other;
        try {
            awaitRounds(loop, "both up");
            holder = holder(g1, g2);
            other = holder == g1 ? g2 : g1;
            loop.phase("holder's node killed");
            Faults.kill9(nodes.get(holder.name()));
            await(VIP + " to move to " + other.name()).atMost(PATIENCE).until(() -> holder(g1,
                    g2) == other);
            awaitRounds(loop, "holder's node killed");
        } finally {
            loop.stop();
        }
        System.out.printf("mount through %s: %d rounds, longest gap between successful writes"
                + " %d ms; %s's node killed, the address moved to %s%n", VIP,
                loop.rounds()
                        .size(),
                loop.longestGapMs(), holder.name(), other.name());
        assertThat(loop.rounds()).as("every round wrote and read back its own date")
                .allMatch(DateLoop.Round::clean);
        assertThat(vrrps.get(holder.name()).log().text()).contains("chk_bramble");

        // A mount made now, with the first holder's node still down, reaches the other one.
        Path again = Files.createDirectories(dir.resolve("mnt-again"));
        mount(client, again);
        long last = loop.rounds().getLast().number();
        assertThat(Files.readString(again.resolve("date.txt"))).startsWith(last + " ");
    }

    /** Seed 000's keepalived.conf, with bramble's check for {@code killall -0 glusterd}. */
    private static String seedConf(String interfaceName) {
        Path check = PoolShell.LAUNCHER.resolveSibling("check-bramble-node");
        return """
                vrrp_script chk_bramble
                {
                        script "CHECK"
                        interval 1
                        weight 2
                }

                vrrp_instance VI_1
                {
                        interface IFACE
                        state MASTER
                        virtual_router_id 13

                        priority 100

                        virtual_ipaddress
                        {
                            VIP
                        }

                        track_script
                        {
                            chk_bramble
                        }
                }
                """.replace("CHECK", check.toString()).replace("IFACE", interfaceName)
                .replace("VIP", VIP);
    }

    /**
     * {@code bramble mount VIP:/vol0 DIR} on the client machine: in its network, with the
     * mount seen by the whole machine ({@code ip netns exec} would give it a mount namespace
     * of its own).
     */
    private void mount(LabHost host, Path dir) {
        Path log = cluster.logDir().toAbsolutePath().resolve("mount-" + dir.getFileName()
                + ".log");
        ExecResult mount = Exec.run(COMMAND_TIMEOUT, List.of("nsenter", "--net=/var/run/netns/"
                + host.namespace(), "env", "BRAMBLE_SKIP_BUILD=1",
                PoolShell.LAUNCHER
                        .toString(),
                "mount", "--state-dir", state(host).toString(), "-o",
                "log-file=" + log, VIP + ":/vol0", dir.toString()));
        assertThat(mount.ok()).as(mount.describe()).isTrue();
        mounts.adopt(dir, log);
    }

    /**
     * The one host that holds the virtual address now; null when none does, or both do (for
     * the moment of a handover, until the old master has heard the new one).
     */
    private static LabHost holder(LabHost... hosts) {
        List<LabHost> holding = new ArrayList<>();
        for (LabHost host : hosts) {
            if (host.exec("ip", "-4", "-o", "addr", "show", "dev", host.interfaceName())
                    .output().contains(" " + VIP + "/")) {
                holding.add(host);
            }
        }
        return holding.size() == 1 ? holding.getFirst() : null;
    }

    private Path state(LabHost host) {
        return dir.resolve("state").resolve(host.name());
    }

    private static String address(LabHost host) {
        return host.address().getHostAddress();
    }

    /** {@code bramble ARGS} on {@code host}, through its node's local socket. */
    private String cli(LabHost host, String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(List.of("--state-dir", state(host).toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(line.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exit).as("bramble %s: %s", line, err).isZero();
        return out.toString();
    }

    private static void awaitRounds(DateLoop loop, String phase) {
        await(ROUNDS_PER_PHASE + " rounds of '" + phase + "'").atMost(PATIENCE).until(() -> loop
                .rounds(phase).size() >= ROUNDS_PER_PHASE);
    }
}
