package io.bramble.testkit.cluster;

import io.bramble.common.check.Checks;
import io.bramble.common.net.HostPort;
import io.bramble.testkit.launch.BrambleLauncher;
import io.bramble.testkit.net.FreePorts;
import io.bramble.testkit.net.LoopbackAddresses;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.process.ProcessSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real {@code bramble} processes for one test, each on a 127.0.0.x address of its own (from
 * 127.0.0.10) and free ports, as if on separate machines. Each process's stdout and stderr go
 * to {@code target/bramble-processes/TEST_CLASS/TEST/NAME.log}; when a test fails, the tail of
 * every log is printed to the test's output, which surefire puts in the report.
 *
 * <p>Register it on an instance field; every process (and every lab opened through
 * {@link #lab}) is stopped after each test, failed, timed out or passed:
 *
 * <pre>{@code
 * @RegisterExtension
 * final LocalCluster cluster = new LocalCluster();
 *
 * @Test
 * void serves() {
 *     HostPort bind = cluster.endpoint("web1");
 *     cluster.start("web1", "web", "--root", dir, "--bind", bind.toString()).awaitPort();
 * }
 * }</pre>
 *
 * Should the test JVM be killed, each bramble ends itself: the kit sets
 * {@value #PARENT_PID_ENV} to this JVM's pid.
 */
public final class LocalCluster implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    public static final Path LOG_ROOT = Path.of("target", "bramble-processes");
    /** Tells bramble to exit when this JVM is gone. */
    public static final String PARENT_PID_ENV = "BRAMBLE_PARENT_PID";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");

    private final BrambleLauncher launcher;
    private LoopbackAddresses addresses = new LoopbackAddresses();
    private final Map<String, InetAddress> addressByName = new HashMap<>();
    private final Map<String, HostPort> endpointByName = new HashMap<>();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final List<NetnsLab> labs = new ArrayList<>();
    private Path logDir = LOG_ROOT.resolve("unnamed");

    /** A cluster for a JUnit test; bramble runs as the system properties say. */
    public LocalCluster() {
        this(BrambleLauncher.fromSystemProperties());
    }

    public LocalCluster(BrambleLauncher launcher) {
        this.launcher = launcher;
    }

    /** A cluster outside JUnit, logging to {@code logDir}; close it when done. */
    public static LocalCluster open(Path logDir) {
        LocalCluster cluster = new LocalCluster();
        cluster.logDir = logDir;
        return cluster;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String test = context.getRequiredTestMethod().getName() + invocationSuffix(context);
        logDir = LOG_ROOT.resolve(context.getRequiredTestClass().getSimpleName()).resolve(test);
        deleteRecursively(logDir);
    }

    /** Stops everything; when the test failed, prints the report, which surefire keeps. */
    @Override
    public synchronized void afterEach(ExtensionContext context) {
        try {
            stopEverything();
        } finally {
            if (context.getExecutionException().isPresent()) {
                System.out.println(report());
            }
            forget();
        }
    }

    /** The 127.0.0.x address of {@code name}: a new one the first time, then the same. */
    public synchronized InetAddress address(String name) {
        checkName(name);
        return addressByName.computeIfAbsent(name, n -> addresses.next());
    }

    /** The address and a free port for {@code name} to serve on; the same on every call. */
    public synchronized HostPort endpoint(String name) {
        InetAddress address = address(name);
        return endpointByName.computeIfAbsent(name,
                n -> new HostPort(address.getHostAddress(), FreePorts.shared().on(address)));
    }

    /** Another free port on {@code name}'s address, for a second listener. */
    public int freePort(String name) {
        return FreePorts.shared().on(address(name));
    }

    /** Starts {@code bramble ARGS} as {@code name}. */
    public ManagedProcess start(String name, String... args) {
        return start(name, Map.of(), List.of(args));
    }

    /**
     * Starts {@code bramble ARGS} as {@code name} with extra environment. A name may be started
     * again once its previous process has ended (a restart); it keeps its address and endpoint.
     */
    public synchronized ManagedProcess start(String name, Map<String, String> environment,
            List<String> args) {
        checkName(name);
        long earlier = processes.stream().filter(p -> p.name().equals(name)).count();
        Checks.argument(processes.stream().noneMatch(p -> p.name().equals(name) && p.isAlive()),
                name + " is already running; stop it before starting it again");
        address(name);
        Map<String, String> env = new HashMap<>();
        env.put(PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid()));
        env.putAll(environment);
        String logName = earlier == 0 ? name : name + "-" + (earlier + 1);
        ProcessSpec spec = new ProcessSpec(name, launcher.command(args), env,
                logDir.resolve(logName + ".log"), Optional.ofNullable(endpointByName.get(name)));
        ManagedProcess process = ManagedProcess.start(spec);
        processes.add(process);
        return process;
    }

    /** The latest process started as {@code name}. */
    public synchronized ManagedProcess process(String name) {
        return processes.reversed().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process named " + name));
    }

    /** Every process started, in start order, running or not. */
    public synchronized List<ManagedProcess> processes() {
        return List.copyOf(processes);
    }

    /** Opens a network lab whose logs sit with this test's and which closes with it. */
    public synchronized NetnsLab lab(NetnsLab.Builder builder) {
        NetnsLab lab = builder.logDir(logDir.resolve("lab-" + (labs.size() + 1))).open();
        labs.add(lab);
        return lab;
    }

    /** Where this test's logs go. */
    public Path logDir() {
        return logDir;
    }

    /** Every process's state and the tail of its log. */
    public synchronized String report() {
        List<ManagedProcess> all = new ArrayList<>(processes);
        labs.forEach(lab -> all.addAll(lab.processes()));
        StringBuilder text = new StringBuilder("---- bramble processes of this test, logs in "
                + logDir.toAbsolutePath() + " ----");
        all.forEach(p -> text.append("\n---- ").append(p.report()));
        return text.append("\n---- end of bramble processes ----").toString();
    }

    /** Stops every process (SIGTERM, then kill -9 after a grace period) and closes the labs. */
    @Override
    public synchronized void close() {
        try {
            stopEverything();
        } finally {
            forget();
        }
    }

    private void stopEverything() {
        List<RuntimeException> problems = new ArrayList<>();
        try {
            ManagedProcess.stopAll(processes, ManagedProcess.STOP_GRACE);
        } catch (RuntimeException e) {
            problems.add(e);
        }
        for (NetnsLab lab : labs.reversed()) {
            try {
                lab.close();
            } catch (RuntimeException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) {
            problems.subList(1, problems.size()).forEach(problems.getFirst()::addSuppressed);
            throw problems.getFirst();
        }
    }

    /** Starts afresh, for a test instance reused by the next test. */
    private void forget() {
        processes.clear();
        labs.clear();
        addressByName.clear();
        endpointByName.clear();
        addresses = new LoopbackAddresses();
    }

    private static void checkName(String name) {
        Checks.argument(name != null && NAME.matcher(name).matches(), "a process name is 1 to 32"
                + " letters, digits, '.', '_' or '-'; got '" + name + "'");
    }

    /** "-3" for the third run of a parameterized or repeated test, else nothing. */
    private static String invocationSuffix(ExtensionContext context) {
        String id = context.getUniqueId();
        int mark = id.lastIndexOf("-invocation:#");
        return mark < 0
                ? ""
                : "-" + id.substring(mark + "-invocation:#".length())
                        .replaceAll("\\D", "");
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
