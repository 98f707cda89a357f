package io.bramble.testkit.netns;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.launch.BrambleLauncher;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.process.ProcessSpec;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One host of a {@link NetnsLab}: a network namespace whose only link is {@code eth0}, cabled
 * to the lab's switch. Commands run in it through {@code ip netns exec}; everything started in
 * it ends when the lab closes.
 */
public final class LabHost {
    /** Time a command run with {@link #exec(String...)} may take. */
    public static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);
    /** Time {@link #canConnect} waits for a TCP connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The variable that makes a bramble process end when the test JVM is gone. */
    public static final String PARENT_PID_ENV = "BRAMBLE_PARENT_PID";

    private final NetnsLab lab;
    private final String name;
    private final String namespace;
    private final InetAddress address;

    LabHost(NetnsLab lab, String name, String namespace, InetAddress address) {
        this.lab = lab;
        this.name = name;
        this.namespace = namespace;
        this.address = address;
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    /** The host's address on the lab's bridge. */
    public InetAddress address() {
        return address;
    }

    /** The address with its prefix length, such as {@code 10.77.0.11/24}. */
    public String cidr() {
        return lab.subnetCidr(address);
    }

    /** The host's one link to the switch. */
    public String interfaceName() {
        return LabNames.HOST_INTERFACE;
    }

    /** Runs a command in this host with {@link #EXEC_TIMEOUT}; never throws for a failure. */
    public ExecResult exec(String... command) {
        return exec(EXEC_TIMEOUT, List.of(command));
    }

    /** Runs a command in this host within {@code timeout}; never throws for a failure. */
    public ExecResult exec(Duration timeout, List<String> command) {
        return Exec.run(timeout, inNamespace(command));
    }

    /**
     * Starts a long-running command in this host; its output goes to the lab's log folder and
     * it is stopped when the lab closes.
     */
    public ManagedProcess start(String... command) {
        String program = Path.of(command[0]).getFileName().toString();
        return startTracked(program, List.of(command), Map.of());
    }

    /** Starts {@code bramble ARGS} in this host, as {@link #start} does. */
    public ManagedProcess startBramble(String... args) {
        return startBramble(Map.of(), args);
    }

    /** Starts {@code bramble ARGS} in this host with {@code environment} added to its own. */
    public ManagedProcess startBramble(Map<String, String> environment, String... args) {
        List<String> command = BrambleLauncher.fromSystemProperties().command(List.of(args));
        Map<String, String> variables = new java.util.HashMap<>(environment);
        variables.put(PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid()));
        return startTracked("bramble", command, Map.copyOf(variables));
    }

    private ManagedProcess startTracked(String program, List<String> command,
            Map<String, String> environment) {
        String processName = name + "-" + program + "-" + (lab.processCount() + 1);
        Path logFile = lab.logDir().resolve(processName + ".log");
        ProcessSpec spec = new ProcessSpec(processName, inNamespace(command), environment,
                logFile, Optional.empty());
        ManagedProcess process = ManagedProcess.start(spec);
        lab.track(process);
        return process;
    }

    /** Adds an address, such as a virtual IP {@code 10.77.0.100/24}, to {@code eth0}. */
    public void addAddress(String cidr) {
        Ip.check("-n", namespace, "addr", "add", cidr, "dev", LabNames.HOST_INTERFACE);
    }

    /** Removes an address added with {@link #addAddress}. */
    public void removeAddress(String cidr) {
        Ip.check("-n", namespace, "addr", "del", cidr, "dev", LabNames.HOST_INTERFACE);
    }

    /**
     * Cuts this host's cable at the switch: {@code eth0} stays configured but loses its carrier,
     * as when the cable is pulled, and no frame passes either way.
     */
    public void linkDown() {
        lab.setLink(this, false);
    }

    /** Plugs the cable back in. */
    public void linkUp() {
        lab.setLink(this, true);
    }

    /** True when a TCP connection from this host to {@code target} succeeds. */
    public boolean canConnect(HostPort target) {
        // bash's /dev/tcp needs no client tool in the namespace; the host and port are
        // passed as arguments, never spliced into the script.
        return exec(CONNECT_TIMEOUT, List.of("bash", "-c", "exec 3<>\"/dev/tcp/$0/$1\"",
                target.host(), Integer.toString(target.port()))).ok();
    }

    /**
     * Sends {@code GET path} over HTTP/1.0 from this host to {@code target} and returns the raw
     * response (status line, headers, body), or the failure.
     */
    public ExecResult httpGet(HostPort target, String path) {
        String script = "exec 3<>\"/dev/tcp/$0/$1\" || exit 1;"
                + " printf 'GET %s HTTP/1.0\\r\\nHost: %s\\r\\n\\r\\n' \"$2\" \"$0\" >&3;"
                + " cat <&3";
        return exec(EXEC_TIMEOUT, List.of("bash", "-c", script, target.host(),
                Integer.toString(target.port()), path));
    }

    /**
     * kill -9 to every process in this host's namespace, as a crash of the whole machine
     * looks to its processes; returns once none is left. The namespace's addresses and links
     * stay as they were: unlike a machine whose power is pulled, its kernel still answers.
     */
    public void killEverything() {
        Namespaces.killProcesses(namespace);
    }

    /** The pids of every process in this host's namespace. */
    public List<Long> pids() {
        return Ip.pids(namespace);
    }

    private List<String> inNamespace(List<String> command) {
        List<String> full = new ArrayList<>(List.of(Ip.binary().map(Path::toString).orElse("ip"),
                "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    @Override
    public String toString() {
        return name + " " + cidr() + " (" + namespace + ")";
    }
}
