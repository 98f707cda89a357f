package io.bramble.it.lbdiff;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.process.ManagedProcess;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Starts one haproxy.cfg under Debian's HAProxy and then under {@code bramble lb}, each on an
 * endpoint of its own, for a side-by-side test; stops what it started, in reverse order, when
 * closed (in the test's {@code @AfterEach}).
 */
final class BothProxies implements AutoCloseable {
    /** The two, in the order a test runs them. */
    static final List<String> NAMES = List.of("haproxy", "bramble");

    private final LocalCluster cluster;
    private final Path dir;
    private final List<AutoCloseable> started = new ArrayList<>();

    BothProxies(LocalCluster cluster, Path dir) {
        this.cluster = cluster;
        this.dir = dir;
    }

    /** Closes {@code resource} (a test's server) with the proxies; returns it. */
    <T extends AutoCloseable> T add(T resource) {
        started.add(resource);
        return resource;
    }

    /**
     * Starts {@code name} ({@code haproxy} or {@code bramble}) on the configuration
     * {@code config} makes for its endpoint, once it listens; returns the endpoint's address.
     */
    InetSocketAddress start(String name, Path haproxy, Function<HostPort, String> config) {
        HostPort endpoint = cluster.endpoint(name.equals("haproxy") ? "haproxy" : "lb");
        Path file = HaproxyDifferentialTest.write(dir, name + ".cfg", config.apply(endpoint));
        if (name.equals("haproxy")) {
            ManagedProcess process = Haproxy.start(haproxy, file, endpoint,
                    cluster.logDir().resolve("haproxy.log"));
            started.add(process::stop);
        } else {
            cluster.start("lb", "lb", "-f", file.toString()).awaitPort();
        }
        return HaproxyDifferentialTest.address(endpoint);
    }

    /** What a test saw of one of the two proxies, a line per probe. */
    interface Probes {
        List<String> of(String name) throws Exception;
    }

    /**
     * The lines {@code probes} gives for HAProxy and for bramble, in that order, printed side
     * by side under {@code title}; a test compares them.
     */
    static java.util.Map<String, List<String>> seen(String title, Probes probes)
            throws Exception {
        java.util.Map<String, List<String>> seen = new java.util.LinkedHashMap<>();
        for (String name : NAMES) {
            seen.put(name, probes.of(name));
        }
        System.out.println(title + " side by side:");
        for (int i = 0; i < seen.get("haproxy").size(); i++) {
            for (String name : NAMES) {
                System.out.println("  " + name + " " + seen.get(name).get(i));
            }
        }
        return seen;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : started.reversed()) {
            resource.close();
        }
        started.clear();
    }
}
