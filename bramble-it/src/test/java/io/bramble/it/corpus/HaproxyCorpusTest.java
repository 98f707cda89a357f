package io.bramble.it.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.it.lb.TestCertificates;
import io.bramble.testkit.exec.Programs;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users' haproxy.cfg files collected from public repositories (under
 * {@code src/test/resources/corpus/haproxy}, each with its origin on its first line and in
 * ORIGINS.md), checked by {@code haproxy -dr -c} and {@code bramble lb -dr -c}: {@code -dr}
 * because most of them name their servers by host names of their own networks (Docker
 * compose services, a LAN's machines), which do not resolve here. Certificates named by
 * {@code crt} do not exist here either: each file is checked as a copy whose {@code crt}
 * paths name one throw-away certificate made for the test, its lines unchanged. The table and
 * the share of the files HAProxy accepts that bramble accepts are printed; each refusal names
 * its file and line, and the files listed here as accepted stay accepted. Skipped where
 * haproxy or openssl is not installed (.ci/run installs both).
 */
class HaproxyCorpusTest {
    /** Files bramble accepts today, by name: a refusal of one of them is a regression. */
    private static final Set<String> ACCEPTED = Set.of("acmesh-alpn.cfg", "adeptj-runtime.cfg",
            "alx-load-balancer.cfg", "apt-cacher.cfg", "ceph-rgw.cfg", "couchdb-minihosting.cfg",
            "crdb-demo.cfg", "dev-proxy-tls.cfg", "ha-web-infrastructure.cfg",
            "haproxy-hardened.cfg", "hbox-k3s-cluster.cfg", "k3s-setup.cfg", "k8s-homenet.cfg",
            "k8s-masters-ha.cfg", "kazoo-bigcouch.cfg", "lan-ha-kube.cfg", "mysql-orchestrator.cfg",
            "nodejs-redis.cfg",
            "ocp-installation.cfg", "openshift-homelab.cfg", "patroni.cfg",
            "rabbitmq-cluster-docker.cfg", "rockpro64-homelab.cfg", "socketio-cookie.cfg",
            "ss-relay.cfg", "stalwart-mail.cfg", "tls-passthrough-openvpn.cfg", "vernemq-mqtt.cfg",
            "warpoxy-socks.cfg");

    /** A {@code crt PATH} option of a {@code bind} line, the path in group 2. */
    private static final Pattern CRT = Pattern.compile("(\\scrt\\s+)(\\S+)");

    @TempDir
    private Path temp;

    @Test
    void usersFilesFromPublicRepositories() throws IOException {
        assumeTrue(Programs.find("haproxy").isPresent(), "haproxy is not installed");
        assumeTrue(Programs.find("openssl").isPresent(),
                "needs openssl (Debian package openssl) to make the certificate crt names");
        List<Path> files = ShippedConfigs.in(corpus(), "*.cfg");
        assertThat(files).as("the corpus").hasSizeGreaterThanOrEqualTo(30);
        Path certificates = Files.createDirectory(temp.resolve("certificates"));
        TestCertificates.authority(certificates);
        Path pem = TestCertificates.server(certificates, "corpus.example", false);
        Path copies = Files.createDirectory(temp.resolve("corpus"));
        List<ShippedConfigs.Row> rows = files.stream().map(f -> ShippedConfigs.check(
                withCertificate(f, pem, copies), List.of("haproxy", "-dr", "-c", "-f"),
                List.of("lb", "-dr", "-c", "-f"))).toList();
        System.out.print(ShippedConfigs.report("haproxy -dr -c", rows));
        ShippedConfigs.judge(rows, ACCEPTED);
    }

    /** A copy of {@code file} in {@code folder} whose {@code crt} options name {@code pem}. */
    private static Path withCertificate(Path file, Path pem, Path folder) {
        try {
            String text = Files.readString(file);
            String copy = CRT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                    + pem));
            return Files.writeString(folder.resolve(file.getFileName()), copy);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path corpus() {
        try {
            var url = HaproxyCorpusTest.class.getClassLoader().getResource("corpus/haproxy");
            assertThat(url).as("corpus/haproxy on the test class path").isNotNull();
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
