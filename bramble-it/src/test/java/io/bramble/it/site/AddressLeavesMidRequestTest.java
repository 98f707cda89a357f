package io.bramble.it.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.launch.BrambleLauncher;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.testkit.process.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone {@code bramble lb} on a virtual address, bound as the recipe does it
 * ({@code net.ipv4.ip_nonlocal_bind=1}), as the old master of a failback sees it: the address
 * leaves the node (VRRP gave it to the new master) while a request it accepted waits for its
 * server. The answer must still reach the client: bramble lb, as root, binds such listeners
 * with IP_TRANSPARENT, so the accepted connection may send from an address the node no longer
 * holds. Without it the answer cannot leave and the client waits in vain.
 */
class AddressLeavesMidRequestTest {
    private static final String VIP = "10.77.0.100";
    private static final int PORT = 80;
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    @Test
    void aRequestAcceptedBeforeTheAddressLeftIsAnswered() throws Exception {
        NetnsLab lab = cluster.lab(NetnsLab.builder().host("web").host("lb").host("client"));
        LabHost web = lab.host("web");
        LabHost lb = lab.host("lb");
        web.start(BrambleLauncher.javaBinary(), "-Xmx32m", "-cp", System.getProperty(
                "java.class.path"), HeldServer.class.getName(), web.address().getHostAddress(),
                Integer.toString(PORT), dir.toString());
        assertThat(lb.exec("sysctl", "-qw", "net.ipv4.ip_nonlocal_bind=1").ok()).isTrue();
        lb.addAddress(VIP + "/32");
        Path cfg = SiteFiles.write(dir.resolve("haproxy.cfg"), """
                defaults
                  mode http
                  timeout connect 5s
                  timeout client 60s
                  timeout server 60s
                frontend fe
                  bind VIP:PORT
                  default_backend be
                backend be
                  server web WEB:PORT
                """.replace("VIP", VIP).replace("PORT", Integer.toString(PORT)).replace("WEB",
                web.address().getHostAddress()));
        ManagedProcess balancer = lb.startBramble("lb", "-f", cfg.toString());
        balancer.awaitLine("bramble lb: listening on");

        CompletableFuture<ExecResult> answer = CompletableFuture.supplyAsync(() -> lab.host(
                "client").httpGet(new HostPort(VIP, PORT), "/"));
        Awaitility.await("the request at the server").atMost(GENEROUS).until(() -> Files
                .exists(dir.resolve("received")));
        lb.removeAddress(VIP + "/32");
        Files.writeString(dir.resolve("release"), "");

        ExecResult result = answer.get();
        assertThat(result.output()).as("what the client got").startsWith("HTTP/1.")
                .contains(" 200 ").contains(HeldServer.BODY.strip());
    }
}
