package io.bramble.it.lb;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.process.ManagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS termination checked with curl, the client users have: the page comes over HTTPS, SNI
 * picks the certificate, plain HTTP is redirected; and TLS to a server that verifies it.
 */
class TlsTest {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    @BeforeEach
    void needsTools() {
        TestCertificates.assumeTools();
    }

    @Test
    void curlGetsThePageAndSniPicksTheCertificate() throws Exception {
        Path ca = TestCertificates.authority(dir);
        Path alpha = TestCertificates.server(dir, "alpha.test", false);
        Path beta = TestCertificates.server(dir, "beta.test", true);
        ManagedProcess web = LbProcesses.startWeb(cluster, dir, "web1");
        HostPort https = cluster.endpoint("lb");
        HostPort http = new HostPort(https.host(), cluster.freePort("lb"));
        Path config = LbProcesses.write(dir.resolve("haproxy.cfg"), LbProcesses.defaults()
                + "frontend www\n  bind " + https + " ssl crt " + alpha + " crt " + beta
                + " alpn h2,http/1.1\n  bind " + http + "\n"
                + "  redirect scheme https code 301 if !{ ssl_fc }\n"
                + "  http-request set-header X-Forwarded-Proto https if { ssl_fc }\n"
                + "  default_backend app\nbackend app\n  server web1 "
                + cluster.endpoint("web1") + " check\n");
        web.awaitPort();
        cluster.start("lb", "lb", "-f", config.toString()).awaitPort();

        ExecResult a = curl(ca, "alpha.test", https, "-v");
        assertThat(a.output()).contains("I am web1").contains("CN=alpha.test")
                .contains("ALPN: server accepted http/1.1");
        ExecResult b = curl(ca, "beta.test", https, "-v");
        assertThat(b.output()).contains("I am web1").contains("CN=beta.test");
        // A name no certificate carries gets the first one (curl told not to verify).
        ExecResult other = curl(ca, "gamma.test", https, "-v", "-k");
        assertThat(other.output()).contains("I am web1").contains("CN=alpha.test");

        ExecResult plain = Exec.run(Duration.ofSeconds(30), List.of("curl", "-sS", "-i",
                "http://" + http + "/page?x=1"));
        assertThat(plain.output()).startsWith("HTTP/1.1 301").containsPattern(
                "(?i)location: https://" + http.toString().replace(".", "\\.") + "/page\\?x=1");
    }

    @Test
    void tlsToAServerIsVerifiedAgainstCaFile() throws Exception {
        Path ca = TestCertificates.authority(dir);
        Path alpha = TestCertificates.server(dir, "alpha.test", false);
        ManagedProcess web = LbProcesses.startWeb(cluster, dir, "web1");
        // A second load balancer stands in for a server that speaks TLS.
        HostPort tlsServer = cluster.endpoint("tlsserver");
        Path serverConfig = LbProcesses.write(dir.resolve("server.cfg"), LbProcesses.defaults()
                + "frontend tls\n  bind " + tlsServer + " ssl crt " + alpha + "\n"
                + "  default_backend app\nbackend app\n  server web1 "
                + cluster.endpoint("web1") + "\n");
        HostPort lb = cluster.endpoint("lb");
        Path config = LbProcesses.write(dir.resolve("haproxy.cfg"), LbProcesses.defaults()
                + "frontend www\n  bind " + lb + "\n  use_backend wrong if { path_beg /wrong }\n"
                + "  default_backend secure\n"
                + "backend secure\n  server s1 " + tlsServer + " ssl verify required ca-file "
                + ca + " verifyhost alpha.test\n"
                + "backend wrong\n  server s1 " + tlsServer + " ssl ca-file " + ca
                + " verifyhost other.test\n");
        web.awaitPort();
        cluster.start("tlsserver", "lb", "-f", serverConfig.toString()).awaitPort();
        cluster.start("lb", "lb", "-f", config.toString()).awaitPort();

        assertThat(RawClient.get(lb, "/")).startsWith("HTTP/1.1 200").contains("I am web1");
        // The certificate is not for other.test: the server is refused, the client gets 503.
        assertThat(RawClient.get(lb, "/wrong")).startsWith("HTTP/1.1 50");
    }

    private ExecResult curl(Path ca, String name, HostPort target, String... options) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--cacert",
                ca.toString(), "--resolve", name + ":" + target.port() + ":" + target.host()));
        command.addAll(List.of(options));
        command.add("https://" + name + ":" + target.port() + "/");
        ExecResult result = Exec.run(Duration.ofSeconds(30), command);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result;
    }
}
