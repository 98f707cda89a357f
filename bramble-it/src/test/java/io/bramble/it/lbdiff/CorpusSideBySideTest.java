package io.bramble.it.lbdiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.common.net.HostPort;
import io.bramble.it.lb.TestCertificates;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Programs;
import io.bramble.testkit.http.RecordedRequest;
import io.bramble.testkit.http.RecordingBackend;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few users' haproxy.cfg files of the corpus run for real: each as one {@link RunnableCopy},
 * started under Debian's HAProxy and then under {@code bramble lb}, with one recording backend
 * per server so that routing shows. Each probe goes to both; the client's status and answer
 * headers, which server received it and what that server saw are compared. A difference fails
 * unless {@link #KNOWN} lists it with its reason (docs/testing.md). The rewrites and a table of
 * the probes are printed. Skipped where haproxy or openssl is not installed.
 */
class CorpusSideBySideTest {
    static final String FORWARDED = "X-Forwarded-For: 10.9.8.7";

    /** The files, why each was chosen, and the requests their rules decide on. */
    static final List<CorpusFileCase> FILES = List.of(
            new CorpusFileCase("rockpro64-homelab.cfg", "host ACLs (hdr_sub) to use_backend, "
                    + "redirect scheme https if !{ ssl_fc }, set-header X-Forwarded-Proto, "
                    + "option forwardfor, http-server-close, a TLS bind",
                    List.of(
                            CorpusProbe.get("plain-redirected", 0, "/index.php?a=1",
                                    "cloud.home.duckdns.org"),
                            CorpusProbe.get("plain-placeholder-host", 0, "/",
                                    "cloud.<subdomain>.duckdns.org"),
                            CorpusProbe.get("plain-unknown-host", 0, "/", "nobody.example"),
                            CorpusProbe.get("tls-cloud", 1, "/index.php?a=1",
                                    "cloud.home.duckdns.org"),
                            CorpusProbe.get("tls-books-upper", 1, "/",
                                    "BOOKS.home.duckdns.org"),
                            CorpusProbe.get("tls-wallabag", 1, "/x",
                                    "wallabag.home.duckdns.org", FORWARDED),
                            CorpusProbe.get("tls-grocy", 1, "/",
                                    "grocy.home.duckdns.org",
                                    "X-Forwarded-Proto: http"),
                            CorpusProbe.get("tls-no-match", 1, "/", "nobody.example"))),
            new CorpusFileCase("couchdb-minihosting.cfg", "path ACLs (path_beg) to use_backend "
                    + "with a fallback use_backend, replace-path with a back-reference, log, "
                    + "user, group and daemon lines, plain and TLS binds",
                    List.of(
                            CorpusProbe.get("well-known", 0, "/.well-known/acme-challenge/t",
                                    "mini.backend.lol"),
                            CorpusProbe.get("api-doc", 0, "/_api/db/doc?rev=1",
                                    "mini.backend.lol"),
                            CorpusProbe.get("api-root", 0, "/_api", "mini.backend.lol"),
                            CorpusProbe.get("site", 0, "/index.html", "mini.backend.lol",
                                    FORWARDED),
                            CorpusProbe.get("tls-api", 1, "/_api/_all_dbs",
                                    "mini.backend.lol"))),
            new CorpusFileCase("dev-proxy-tls.cfg", "a TLS-only frontend (alpn h2,http/1.1) "
                    + "with http-request redirect scheme https unless { ssl_fc }, option "
                    + "forwardfor header X-Real-IP, set-header in the backend",
                    List.of(
                            CorpusProbe.get("tls-root", 0, "/", "university.example"),
                            CorpusProbe.get("tls-client-headers", 0, "/login",
                                    "university.example", "X-Real-IP: 10.9.8.7",
                                    "X-Forwarded-Proto: http", "X-Forwarded-Ssl: off"))),
            new CorpusFileCase("haproxy-hardened.cfg", "http-request return with a "
                    + "content-type and string, monitor-uri, a stats socket line",
                    List.of(
                            CorpusProbe.get("monitor", 0, "/healthz", "localhost"),
                            CorpusProbe.get("monitor-other-path", 0, "/other", "localhost"),
                            CorpusProbe.get("return", 1, "/", "localhost"),
                            CorpusProbe.get("return-any-path", 1, "/api?q=1", "example.org"))));

    /**
     * Placeholders some files leave for their users to fill in, and what the copy fills in:
     * the same for both proxies, and printed with the other rewrites.
     */
    static final Map<String, String> PLACEHOLDERS = Map.of("<subdomain>", "home");

    /** Differences accepted as known, by {@code FILE PROBE}, each with its reason. */
    static final Map<String, String> KNOWN = Map.of(
            "rockpro64-homelab.cfg plain-placeholder-host", "bramble answers 400 to a Host "
                    + "with characters outside RFC 3986's reg-name ('<', '>') where HAProxy "
                    + "takes it as it is (docs/testing.md)");

    private static final Duration READY = Duration.ofSeconds(30);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopBackends() throws Exception {
        for (AutoCloseable resource : started.reversed()) {
            resource.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> corpusFilesSideBySide() {
        Path haproxy = Haproxy.assumeInstalled();
        assumeTrue(Programs.find("openssl").isPresent(),
                "needs openssl (Debian package openssl) to make the certificate for TLS binds");
        Path certificates = dir.resolve("certificates");
        createDirectory(certificates);
        Path ca = TestCertificates.authority(certificates);
        Path pem = TestCertificates.server(certificates, "corpus.example", false);
        OneRequestClient client = OneRequestClient.trusting(ca);
        return FILES.stream().map(f -> DynamicTest.dynamicTest(f.file(),
                () -> sideBySide(f, haproxy, pem, client)));
    }

    private void sideBySide(CorpusFileCase file, Path haproxy, Path pem,
            OneRequestClient client) throws IOException {
        String host = cluster.address("proxy").getHostAddress();
        Map<String, RecordingBackend> backends = new LinkedHashMap<>();
        String text = Files.readString(Catalogue.resource("corpus/haproxy/" + file.file()));
        StringBuilder report = new StringBuilder(file.file() + ": " + file.why()
                + "\nrewritten the same way for both proxies:\n");
        for (var placeholder : PLACEHOLDERS.entrySet()) {
            if (text.contains(placeholder.getKey())) {
                text = text.replace(placeholder.getKey(), placeholder.getValue());
                report.append("    placeholder ").append(placeholder.getKey())
                        .append(" => ").append(placeholder.getValue()).append('\n');
            }
        }
        RunnableCopy copy = RunnableCopy.of(text, host, () -> cluster.freePort("proxy"),
                name -> {
                    RecordingBackend backend = RecordingBackend.start(cluster.address(
                            "servers"), 0);
                    started.add(backend);
                    backends.put(name, backend);
                    return new java.net.InetSocketAddress(backend.address(), backend.port());
                }, Optional.of(pem));
        Path config = Files.writeString(dir.resolve(file.file()), copy.text());
        copy.rewrites().forEach(r -> report.append("    ").append(r).append('\n'));
        String base = file.file().replace(".cfg", "");
        ManagedProcess reference = Haproxy.start(haproxy, config, copy.binds().get(0)
                .endpoint(), cluster.logDir().resolve("haproxy-" + base + ".log"));
        List<CorpusOutcome> atHaproxy = probeAll(reference, file, copy, backends, client);
        ManagedProcess bramble = cluster.start("lb-" + base, "lb", "-f", config.toString());
        List<CorpusOutcome> atBramble = probeAll(bramble, file, copy, backends, client);
        List<String> unexplained = report(file, atHaproxy, atBramble, report);
        System.out.println(report);
        assertThat(unexplained).as("differences not listed in KNOWN:\n%s", report).isEmpty();
    }

    /** Waits for every bind, sends each probe in turn, then stops the proxy. */
    private static List<CorpusOutcome> probeAll(ManagedProcess proxy, CorpusFileCase file,
            RunnableCopy copy, Map<String, RecordingBackend> backends, OneRequestClient client) {
        copy.binds().forEach(b -> proxy.awaitPort(b.endpoint(), READY));
        List<CorpusOutcome> outcomes = new ArrayList<>();
        for (CorpusProbe probe : file.probes()) {
            Map<String, Integer> before = new LinkedHashMap<>();
            backends.forEach((name, backend) -> before.put(name, backend.requestCount()));
            RunnableCopy.Bind bind = copy.binds().get(probe.bind());
            OneRequestClient.Answer answer = client.send(HaproxyDifferentialTest.address(bind
                    .endpoint()), bind.tls(), probe.request());
            List<String> servers = new ArrayList<>();
            List<RecordedRequest> received = new ArrayList<>();
            backends.forEach((name, backend) -> {
                for (RecordedRequest request : backend.requestsAfter(before.get(name))) {
                    servers.add(name);
                    received.add(request);
                }
            });
            outcomes.add(new CorpusOutcome(answer, servers, received));
        }
        proxy.stop();
        return outcomes;
    }

    /** Appends the table to {@code report}; returns the differences {@link #KNOWN} lacks. */
    private static List<String> report(CorpusFileCase file, List<CorpusOutcome> haproxy,
            List<CorpusOutcome> bramble, StringBuilder report) {
        List<String> unexplained = new ArrayList<>();
        report.append(String.format(Locale.ROOT, "%-22s | %-5s | %-32s | %-32s | %s%n", "probe",
                "bind", "haproxy: status server", "bramble: status server", "verdict"));
        for (int i = 0; i < file.probes().size(); i++) {
            CorpusProbe probe = file.probes().get(i);
            List<String> differences = CorpusOutcome.differences(haproxy.get(i), bramble.get(i));
            String known = KNOWN.get(file.file() + " " + probe.name());
            String verdict = differences.isEmpty()
                    ? (known == null ? "same" : "STALE: listed in KNOWN but no longer differs")
                    : (known == null ? "DIFFERENCE" : "difference (known)");
            report.append(String.format(Locale.ROOT, "%-22s | %-5d | %-32s | %-32s | %s%n",
                    probe.name(), probe.bind(), haproxy.get(i).summary(),
                    bramble.get(i).summary(), verdict));
            differences.forEach(d -> report.append("    difference: ").append(d).append('\n'));
            if (known != null) {
                report.append("    known because: ").append(known).append('\n');
            }
            if (differences.isEmpty() == (known != null)) {
                unexplained.add(probe.name() + ": " + verdict);
            }
        }
        return unexplained;
    }

    private static void createDirectory(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
