package io.bramble.testkit.netns;

import io.bramble.common.check.Checks;
import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.process.Reaper;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Assumptions;

/**
 * A network lab on this machine: each host is a network namespace with one interface,
 * {@code eth0}, cabled by a veth pair to a bridge in a "switch" namespace of the lab's own. The
 * machine's own interfaces and routes are never touched, and the lab's addresses (by default
 * {@value #SUBNET_DEFAULT}) exist only inside it. {@link #close()} kills every process in the
 * lab's namespaces and deletes them; a JVM shutdown hook does the same if a test does not.
 *
 * <pre>{@code
 * try (NetnsLab lab = NetnsLab.builder().host("a").host("b").open()) {
 *     lab.host("a").exec("ping", "-c", "1", lab.host("b").address().getHostAddress());
 * }
 * }</pre>
 */
public final class NetnsLab implements AutoCloseable {
    public static final String SUBNET_DEFAULT = "10.77.0.0/24";
    /** Hosts per lab; each is a namespace and a veth pair, cheap but not free. */
    public static final int HOSTS_MAX = 32;

    private final LabNames names;
    private final LabSubnet subnet;
    private final Path logDir;
    private final Map<String, LabHost> hosts = new LinkedHashMap<>();
    private final Set<String> created = new LinkedHashSet<>();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final Reaper.Registration reaping;
    private boolean closed;

    private NetnsLab(LabNames names, LabSubnet subnet, Path logDir) {
        this.names = names;
        this.subnet = subnet;
        this.logDir = logDir;
        this.reaping = Reaper.register("network lab " + names.switchNamespace(), this::close);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Describes a lab; {@link #open()} makes it. */
    public static final class Builder {
        private final List<String> hostNames = new ArrayList<>();
        private String subnet = SUBNET_DEFAULT;
        private Path logDir;
        private RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

        /** Adds a host: 1 to 12 lowercase letters and digits, such as {@code lb1}. */
        public Builder host(String name) {
            LabNames.checkHostName(name);
            Checks.argument(!hostNames.contains(name), "host '" + name + "' is already in");
            Checks.argument(hostNames.size() < HOSTS_MAX, "a lab has at most " + HOSTS_MAX
                    + " hosts");
            hostNames.add(name);
            return this;
        }

        /** The subnet of the lab's bridge, {@value #SUBNET_DEFAULT} unless set. */
        public Builder subnet(String cidr) {
            LabSubnet.parse(cidr);
            this.subnet = cidr;
            return this;
        }

        /** Where the logs of processes started in the lab go. */
        public Builder logDir(Path dir) {
            this.logDir = dir;
            return this;
        }

        /** The source of the lab's random id. */
        public Builder random(RandomGenerator generator) {
            this.random = generator;
            return this;
        }

        /**
         * Makes the lab; skips the calling test (JUnit assumption) when this machine cannot run
         * labs: not root, no {@code ip}, or root without the needed capabilities.
         */
        public NetnsLab open() {
            LabRequirements.assumeMet();
            Checks.argument(!hostNames.isEmpty(), "a lab needs at least one host");
            LabSubnet parsed = LabSubnet.parse(subnet);
            Checks.argument(hostNames.size() <= parsed.hostsMax(), "subnet " + subnet
                    + " has room for " + parsed.hostsMax() + " hosts");
            LeftoverLabs.removeDeadOwners();
            LabNames names = LabNames.fresh(random);
            Path dir = logDir != null ? logDir : Path.of("target", "netns-labs", names.labId());
            NetnsLab lab = new NetnsLab(names, parsed, dir);
            try {
                lab.build(hostNames);
                return lab;
            } catch (RuntimeException e) {
                try {
                    lab.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }
    }

    private void build(List<String> hostNames) {
        String sw = names.switchNamespace();
        addNamespace(sw);
        Ip.check("-n", sw, "link", "set", "lo", "up");
        // Snooping off: VRRP and other link-local multicast reach every port, as on a hub.
        Ip.check("-n", sw, "link", "add", LabNames.BRIDGE, "type", "bridge", "mcast_snooping",
                "0");
        Ip.check("-n", sw, "link", "set", LabNames.BRIDGE, "up");
        for (int i = 0; i < hostNames.size(); i++) {
            String name = hostNames.get(i);
            LabHost host = new LabHost(this, name, names.hostNamespace(name),
                    subnet.hostAddress(i + 1));
            cable(host);
            hosts.put(name, host);
        }
    }

    private void addNamespace(String namespace) {
        ExecResult result = Ip.run("netns", "add", namespace);
        if (!result.ok() && result.output().contains("Operation not permitted")) {
            Assumptions.abort("skipped: network-namespace labs need CAP_SYS_ADMIN and"
                    + " CAP_NET_ADMIN, which this root lacks: " + result.describe());
        }
        result.orThrow();
        created.add(namespace);
    }

    private void cable(LabHost host) {
        String sw = names.switchNamespace();
        String port = LabNames.switchPort(host.name());
        addNamespace(host.namespace());
        Ip.check("-n", host.namespace(), "link", "set", "lo", "up");
        Ip.check("-n", sw, "link", "add", port, "type", "veth", "peer", "name",
                LabNames.HOST_INTERFACE, "netns", host.namespace());
        Ip.check("-n", sw, "link", "set", port, "master", LabNames.BRIDGE, "up");
        Ip.check("-n", host.namespace(), "addr", "add", host.cidr(), "dev",
                LabNames.HOST_INTERFACE);
        Ip.check("-n", host.namespace(), "link", "set", LabNames.HOST_INTERFACE, "up");
    }

    /** The host called {@code name}. */
    public LabHost host(String name) {
        LabHost host = hosts.get(name);
        Checks.argument(host != null, "no host '" + name + "' in this lab; hosts: "
                + hosts.keySet());
        return host;
    }

    public List<LabHost> hosts() {
        return List.copyOf(hosts.values());
    }

    /** The namespace holding the lab's bridge. */
    public String switchNamespace() {
        return names.switchNamespace();
    }

    /** Every namespace this lab made, switch first. */
    public synchronized List<String> namespaces() {
        return List.copyOf(created);
    }

    public Path logDir() {
        return logDir;
    }

    /** Processes started in the lab's hosts, in start order. */
    public synchronized List<ManagedProcess> processes() {
        return List.copyOf(processes);
    }

    String subnetCidr(InetAddress address) {
        return subnet.cidr(address);
    }

    synchronized void track(ManagedProcess process) {
        Checks.invariant(!closed, "the lab is closed");
        processes.add(process);
    }

    synchronized int processCount() {
        return processes.size();
    }

    /** Sets the switch's port for {@code host} down or up, as pulling or plugging a cable. */
    void setLink(LabHost host, boolean up) {
        Ip.check("-n", names.switchNamespace(), "link", "set", LabNames.switchPort(host.name()),
                up ? "up" : "down");
    }

    /**
     * Stops the lab's processes (SIGTERM, then kill -9), kills anything else running in its
     * namespaces and deletes them. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> problems = new ArrayList<>();
        attempt(problems, () -> ManagedProcess.stopAll(processes, ManagedProcess.STOP_GRACE));
        List<String> order = new ArrayList<>(created).reversed();
        for (String namespace : order) {
            attempt(problems, () -> Namespaces.killProcesses(namespace));
            attempt(problems, () -> Ip.check("netns", "del", namespace));
        }
        attempt(problems, () -> {
            List<String> left = Ip.namespaces().stream().filter(created::contains).toList();
            Checks.invariant(left.isEmpty(), "namespaces left after teardown: " + left);
        });
        reaping.close();
        if (!problems.isEmpty()) {
            RuntimeException first = problems.getFirst();
            problems.subList(1, problems.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void attempt(List<RuntimeException> problems, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            problems.add(e);
        }
    }

    @Override
    public String toString() {
        return "lab " + names.labId() + " " + subnet + " hosts " + hosts.keySet();
    }
}
