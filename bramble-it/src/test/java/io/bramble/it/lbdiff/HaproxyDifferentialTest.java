package io.bramble.it.lbdiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.http.RecordingBackend;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of the catalogue goes to Debian's HAProxy and to {@code bramble lb}, both real
 * processes with the same haproxy.cfg, each in front of its own recording backend; what each
 * backend received is compared (see {@link Verdict}). The table of all cases is printed and
 * written to {@value #REPORT}.
 */
class HaproxyDifferentialTest {
    static final Path REPORT = Path.of("target", "lbdiff-report.txt");
    static final int SEQUENTIAL_POSTS = 300;
    /** Idle server connections a proxy may keep after one client at a time, whatever HAProxy. */
    static final int IDLE_SERVER_CONNECTIONS_TOLERATED = 8;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopHaproxyAndBackends() throws Exception {
        clients.shutdownNow();
        for (AutoCloseable resource : started.reversed()) {
            resource.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> catalogueAgainstHaproxy() {
        Path haproxyProgram = Haproxy.assumeInstalled();
        List<RequestCase> cases = Catalogue.load();
        Map<String, String> accepted = AcceptedDifferences.load(cases);
        ProxyUnderTest haproxy = startHaproxy(haproxyProgram);
        ProxyUnderTest bramble = startBramble();
        ReportTable table = new ReportTable();
        Stream<DynamicNode> each = cases.stream().map(c -> DynamicTest.dynamicTest(c.name(),
                () -> check(c, haproxy, bramble, accepted.get(c.name()), table)));
        DynamicNode summary = DynamicTest.dynamicTest("report", () -> {
            String text = Haproxy.version(haproxyProgram) + "\n" + table.text();
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, text);
            System.out.println(text);
        });
        return Stream.concat(each, Stream.of(summary));
    }

    /**
     * Clients that each send one POST and close: a proxy reuses its idle server connections
     * (or closes them) instead of leaving one more open per client.
     */
    @Test
    void sequentialPostsDoNotPileUpIdleServerConnections() {
        Path haproxyProgram = Haproxy.assumeInstalled();
        ProxyUnderTest haproxy = startHaproxy(haproxyProgram);
        ProxyUnderTest bramble = startBramble();
        CompletableFuture<ConnectionCount> atHaproxy = CompletableFuture.supplyAsync(
                () -> ConnectionCount.afterSequentialPosts(haproxy, SEQUENTIAL_POSTS), clients);
        ConnectionCount atBramble = ConnectionCount.afterSequentialPosts(bramble,
                SEQUENTIAL_POSTS);
        ConnectionCount reference = atHaproxy.join();
        System.out.println(SEQUENTIAL_POSTS + " sequential POSTs\nhaproxy: " + reference
                + "\nbramble: " + atBramble);
        assertThat(reference.answered()).as("haproxy answered them all").isEqualTo(
                SEQUENTIAL_POSTS);
        assertThat(atBramble.answered()).as("bramble answered them all").isEqualTo(
                SEQUENTIAL_POSTS);
        assertThat(atBramble.open()).as("server connections bramble left open; haproxy: %s",
                reference).isLessThanOrEqualTo(
                        Math.max(reference.open(),
                                IDLE_SERVER_CONNECTIONS_TOLERATED));
    }

    private void check(RequestCase c, ProxyUnderTest haproxy, ProxyUnderTest bramble,
            String accepted, ReportTable table) {
        CompletableFuture<ProxyOutcome> atHaproxy = CompletableFuture.supplyAsync(
                () -> haproxy.send(c), clients);
        ProxyOutcome atBramble = bramble.send(c);
        ProxyOutcome reference = atHaproxy.join();
        Verdict verdict = Verdict.of(c, reference, atBramble);
        String row = table.add(c, reference, atBramble, verdict, accepted);
        System.out.println(row);
        if (!verdict.passes(accepted != null)) {
            fail(c.where() + " " + c.description() + "\n" + ReportTable.HEADER + "\n" + row);
        }
        assertThat(verdict.differences().isEmpty() && accepted != null)
                .as("%s: %s lists %s as an accepted difference, but bramble now forwards "
                        + "what haproxy forwards: remove the entry", c.where(),
                        AcceptedDifferences.FILE, c.name())
                .isFalse();
    }

    private ProxyUnderTest startHaproxy(Path program) {
        RecordingBackend backend = backend("origin-haproxy");
        HostPort endpoint = cluster.endpoint("haproxy");
        Path config = write("haproxy.cfg", SharedConfig.text(endpoint, backend));
        ManagedProcess process = Haproxy.start(program, config, endpoint,
                cluster.logDir().resolve("haproxy.log"));
        started.add(process::stop);
        return new ProxyUnderTest("haproxy", address(endpoint), backend);
    }

    private ProxyUnderTest startBramble() {
        RecordingBackend backend = backend("origin-bramble");
        HostPort endpoint = cluster.endpoint("lb");
        Path config = write("bramble.cfg", SharedConfig.text(endpoint, backend));
        ManagedProcess lb = cluster.start("lb", "lb", "-f", config.toString());
        lb.awaitPort();
        return new ProxyUnderTest("bramble", address(endpoint), backend);
    }

    private RecordingBackend backend(String name) {
        return backend(cluster, started, name);
    }

    private Path write(String name, String text) {
        return write(dir, name, text);
    }

    /** A recording backend on {@code name}'s address, closed with {@code started}. */
    static RecordingBackend backend(LocalCluster cluster, List<AutoCloseable> started,
            String name) {
        RecordingBackend backend = RecordingBackend.start(cluster.address(name), 0);
        started.add(backend);
        return backend;
    }

    /** Writes {@code text} to {@code name} in {@code dir}. */
    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InetSocketAddress address(HostPort endpoint) {
        try {
            return new InetSocketAddress(InetAddress.getByName(endpoint.host()), endpoint.port());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
