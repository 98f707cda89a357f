package io.bramble.it.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import io.bramble.testkit.process.ManagedProcess;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code bramble vrrp --backend loopback} processes on one machine, no root needed:
 * adverts over UDP between 127.x addresses, notify scripts telling who is master. kill -9
 * hands the virtual address to the other; the first one's return takes it back.
 */
class VrrpLoopbackTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    @Test
    void theVirtualAddressMovesBetweenTwoProcesses() throws Exception {
        InetAddress a = cluster.address("lb1");
        InetAddress b = cluster.address("lb2");
        int port = cluster.freePort("lb1");
        Path conf1 = VrrpLab.write(dir, "lb1.conf", config("lb1", a, b, 101));
        Path conf2 = VrrpLab.write(dir, "lb2.conf", config("lb2", b, a, 100));
        ManagedProcess lb1 = start("lb1", port, conf1);
        ManagedProcess lb2 = start("lb2", port, conf2);
        lb1.awaitLine("added 127\\.0\\.77\\.100");
        lb2.awaitLine("INITIALIZE -> BACKUP");
        await("lb1", "MASTER");

        Faults.kill9(lb1);
        lb2.awaitLine("BACKUP -> MASTER");
        await("lb2", "MASTER");

        ManagedProcess again = cluster.start("lb1", "vrrp", "--backend", "loopback",
                "--loopback-port", Integer.toString(port), "-f", conf1.toString());
        again.awaitLine("BACKUP -> MASTER");
        lb2.awaitLine("MASTER -> BACKUP \\(higher priority advert from " + a.getHostAddress());
        await("lb2", "BACKUP");
        assertThat(lb2.log().text()).contains("removed 127.0.77.100/32 dev lo");
    }

    private ManagedProcess start(String name, int port, Path conf) {
        return cluster.start(name, "vrrp", "--backend", "loopback", "--loopback-port", Integer
                .toString(port), "-f", conf.toString());
    }

    /** Waits until the last line the notify script wrote for {@code name} is {@code state}. */
    private void await(String name, String state) {
        Path file = dir.resolve(name + ".state");
        org.awaitility.Awaitility.await(name + " to be " + state).atMost(GENEROUS).until(
                () -> Files.exists(file) && Files.readAllLines(file).getLast().equals(state));
    }

    private String config(String name, InetAddress self, InetAddress peer, int priority) {
        String notify = "/bin/sh -c 'echo $3 >> " + dir.resolve(name + ".state") + "'";
        return "vrrp_instance VI_1 {\n"
                + "    interface lo\n"
                + "    virtual_router_id 77\n"
                + "    priority " + priority + "\n"
                + "    unicast_src_ip " + self.getHostAddress() + "\n"
                + "    unicast_peer {\n        " + peer.getHostAddress() + "\n    }\n"
                + "    virtual_ipaddress {\n        127.0.77.100\n    }\n"
                + "    notify \"" + notify + " notify\"\n"
                + "}\n";
    }
}
