package io.bramble.lb.reload;

import io.bramble.common.config.ConfigException;
import io.bramble.common.error.UserError;
import io.bramble.common.os.ClassPathFiles;
import io.bramble.common.os.IdentitySwitch;
import io.bramble.common.os.ProcessIdentity;
import io.bramble.common.os.ProcessUser;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.StatsSocketConfig;
import io.bramble.lb.proxy.FollowedAddresses;
import io.bramble.lb.proxy.LoadBalancer;
import io.bramble.lb.proxy.ProcessInfo;
import io.bramble.lb.proxy.ServerHandle;
import io.bramble.lb.runtime.RuntimeApi;
import io.bramble.lb.runtime.RuntimeTarget;
import io.bramble.lb.runtime.StatsSocketServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code bramble lb} process: the configuration generation serving new connections, the
 * older ones still finishing theirs, the stats sockets, the pid file and the signals. A
 * reload ({@code kill -HUP}, {@code reload} on the stats socket) reads the file again: a file
 * with errors is refused and the running generation stays; otherwise the next generation takes
 * over the listeners it shares with the current one and the current one drains.
 */
public final class LbService implements RuntimeTarget, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LbService.class);

    private final Path configFile;
    private final HaproxyConfigParser parser;
    private final Clock clock;
    private final RandomGenerator random;
    private final String version;
    private final long startNanos;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lb-timers").daemon().factory());
    private final Map<String, StatsSocketServer> sockets = new LinkedHashMap<>();
    private final List<LoadBalancer> draining = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Runnable> beforeStop = new CopyOnWriteArrayList<>();
    private final AtomicBoolean beforeStopRan = new AtomicBoolean();
    private volatile LoadBalancer current;
    private volatile LbConfig config;
    private Path pidFile;
    private boolean stopping;
    /** What reloads may do about user and group; set at start-up. */
    private volatile IdentityReload identity;

    private LbService(Path configFile, HaproxyConfigParser parser, Clock clock,
            RandomGenerator random, String version) {
        this.configFile = configFile;
        this.parser = parser;
        this.clock = clock;
        this.random = random;
        this.version = version;
        this.startNanos = clock.nanoTime();
    }

    /**
     * Parses {@code configFile}, starts the load balancer and its stats sockets, writes the pid
     * file, and, when {@code signals} is set, binds HUP, USR1, TERM and INT.
     *
     * @throws UserError when the file has errors or an address cannot be bound
     */
    public static LbService start(Path configFile, HaproxyConfigParser parser, Clock clock,
            RandomGenerator random, String version, boolean signals) {
        return start(configFile, parser, clock, random, version, signals,
                warning -> LOG.warn("{}", warning));
    }

    /**
     * Like the other, with the start-up file's warnings given to {@code warnings}; as root,
     * listeners on one address bind with IP_TRANSPARENT (see {@link FollowedAddresses}).
     */
    public static LbService start(Path configFile, HaproxyConfigParser parser, Clock clock,
            RandomGenerator random, String version, boolean signals,
            java.util.function.Consumer<String> warnings) {
        return start(configFile, parser, clock, random, version, signals, warnings,
                FollowedAddresses.none(ProcessUser.isRoot()));
    }

    /**
     * Like the other, with the listeners on {@code followed} addresses bound only while this
     * node holds them (see {@link LoadBalancer#hold}); reloads keep that.
     */
    public static LbService start(Path configFile, HaproxyConfigParser parser, Clock clock,
            RandomGenerator random, String version, boolean signals,
            java.util.function.Consumer<String> warnings, FollowedAddresses followed) {
        LbService service = new LbService(configFile, parser, clock, random, version);
        LbConfig config = parser.parse(configFile);
        config.warnings().forEach(warnings);
        LoadBalancer.warnings(config).forEach(warnings);
        service.config = config;
        service.identity = new IdentityReload(ProcessUser.isRoot(), config.global().runAs(),
                Optional.empty());
        service.current = LoadBalancer.start(config, clock, random, version, followed);
        try {
            service.openSockets(config);
            service.writePidFile(config);
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        if (signals) {
            ProcessSignals.install(new ProcessSignals.Actions() {
                @Override
                public void reload() {
                    service.reload();
                }

                @Override
                public void stopGracefully() {
                    service.stopGracefully();
                }

                @Override
                public void stopNow() {
                    service.close();
                }
            });
        }
        return service;
    }

    /**
     * As root, makes the whole process run as the file's {@code user}/{@code group} (or
     * {@code uid}/{@code gid}), as HAProxy does once its listeners, log targets, stats sockets
     * and pid file are open. Not as root, or without those keywords, does nothing: the file's
     * check has warned. Every thread is checked afterwards.
     *
     * @return the identity now in force, empty when nothing changed
     * @throws UserError a runtime error, this service closed, when the switch fails or leaves
     *         a thread with other ids: the process must then stop rather than serve
     */
    public Optional<ProcessIdentity> switchIdentity() {
        Optional<ProcessIdentity> wanted = config.global().runAs();
        if (wanted.isEmpty() || !identity.rootAtStart()) {
            return Optional.empty();
        }
        try {
            // Jars under a home folder would be out of reach once root is given up.
            ClassPathFiles.openAll(LbService.class.getClassLoader());
            IdentitySwitch.switchTo(wanted.get());
        } catch (IOException | RuntimeException e) {
            close();
            throw UserError.runtime(config.global().runAs().get().description() + " from "
                    + config.global().location() + ": cannot switch to it, stopping: "
                    + e.getMessage(), e);
        }
        identity = new IdentityReload(true, wanted, wanted);
        LOG.info("Now running as {}.", wanted.get());
        return wanted;
    }

    /** The generation serving new connections. */
    public LoadBalancer current() {
        return current;
    }

    /**
     * Runs {@code action} once, first, when this process is asked to stop (a signal, a
     * graceful stop or {@link #close}), before any listener closes: VRRP in the same process
     * hands its virtual addresses over there.
     */
    public void beforeStop(Runnable action) {
        beforeStop.add(action);
    }

    private void runBeforeStop() {
        if (beforeStopRan.compareAndSet(false, true)) {
            beforeStop.forEach(Runnable::run);
        }
    }

    /** Blocks until the process is stopped; 0 when stopped as asked. */
    public int awaitStop() throws InterruptedException {
        stopped.await();
        return 0;
    }

    @Override
    public synchronized ReloadOutcome reload() {
        if (stopping) {
            return new ReloadOutcome(false, "stopping; reload ignored");
        }
        LOG.info("Reloading {}.", configFile);
        LbConfig next;
        try {
            next = parser.parse(configFile);
        } catch (ConfigException e) {
            LOG.error("Reload refused, the running configuration stays:\n{}", e.getMessage());
            return new ReloadOutcome(false, e.getMessage());
        } catch (UserError e) {
            LOG.error("Reload refused, the running configuration stays: {}", e.getMessage());
            return new ReloadOutcome(false, e.getMessage());
        }
        next.warnings().forEach(w -> LOG.warn("{}", w));
        LoadBalancer.warnings(next).forEach(w -> LOG.warn("{}", w));
        Optional<String> identityChange = identity.refusal(next.global().runAs());
        if (identityChange.isPresent()) {
            LOG.error("Reload refused, the running configuration stays: {}",
                    identityChange.get());
            return new ReloadOutcome(false, identityChange.get());
        }
        LoadBalancer previous = current;
        LoadBalancer successor;
        try {
            successor = previous.reload(next, random);
        } catch (UserError e) {
            String message = e.getMessage() + identity.note();
            LOG.error("Reload refused, the running configuration stays: {}", message);
            return new ReloadOutcome(false, message);
        }
        LbConfig retired = config;
        current = successor;
        config = next;
        openSockets(next);
        drain(previous, retired.global().hardStopAfterMs());
        LOG.info("Reload done: new connections use the new configuration; {} generation(s) "
                + "finishing their connections.", draining.size());
        return new ReloadOutcome(true, "configuration reloaded from " + configFile);
    }

    /** Stops accepting, lets every connection finish, then stops the process. */
    public void stopGracefully() {
        runBeforeStop();
        LoadBalancer last;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            last = current;
        }
        LOG.info("Graceful stop: no new connections; waiting for the open ones to finish.");
        closeSockets();
        last.retire();
        config.global().hardStopAfterMs().ifPresent(ms -> timers.schedule(() -> {
            LOG.warn("hard-stop-after reached: closing the connections still open.");
            close();
        }, ms, TimeUnit.MILLISECONDS));
        Thread.ofPlatform().name("lb-graceful-stop").start(() -> {
            last.awaitDrained();
            List<LoadBalancer> old;
            synchronized (this) {
                old = List.copyOf(draining);
            }
            old.forEach(LoadBalancer::awaitDrained);
            close();
        });
    }

    /** Stops at once: listeners, connections and checks. */
    @Override
    public void close() {
        runBeforeStop();
        List<LoadBalancer> all;
        synchronized (this) {
            stopping = true;
            all = new ArrayList<>(draining);
            draining.clear();
        }
        closeSockets();
        for (LoadBalancer old : all) {
            old.close();
        }
        LoadBalancer last = current;
        if (last != null) {
            last.close();
        }
        timers.shutdownNow();
        deletePidFile();
        stopped.countDown();
    }

    /**
     * Lets {@code previous} finish its connections, then closes it; after
     * {@code hardStopAfterMs} (its file's {@code hard-stop-after}) it closes those still open.
     */
    private void drain(LoadBalancer previous, OptionalLong hardStopAfterMs) {
        draining.add(previous);
        previous.retire();
        hardStopAfterMs.ifPresent(ms -> timers.schedule(() -> {
            synchronized (this) {
                if (!draining.contains(previous)) {
                    return;
                }
            }
            LOG.warn("hard-stop-after reached: an old configuration generation closes the "
                    + "connections it still has open.");
            previous.close();
        }, ms, TimeUnit.MILLISECONDS));
        Thread.ofVirtual().name("lb-drain").start(() -> {
            previous.awaitDrained();
            previous.close();
            synchronized (this) {
                draining.remove(previous);
            }
            LOG.info("An old configuration generation finished its last connection.");
        });
    }

    private synchronized void openSockets(LbConfig next) {
        Map<String, StatsSocketConfig> wanted = new LinkedHashMap<>();
        for (StatsSocketConfig socket : next.global().statsSockets()) {
            wanted.put(socket.toString(), socket);
        }
        sockets.entrySet().removeIf(entry -> {
            if (!wanted.containsKey(entry.getKey())) {
                entry.getValue().close();
                return true;
            }
            return false;
        });
        RuntimeApi api = new RuntimeApi(this, version, ProcessHandle.current().pid(),
                () -> (clock.nanoTime() - startNanos) / 1_000_000L);
        for (Map.Entry<String, StatsSocketConfig> entry : wanted.entrySet()) {
            if (sockets.containsKey(entry.getKey())) {
                continue;
            }
            try {
                sockets.put(entry.getKey(), StatsSocketServer.open(entry.getValue(), api,
                        next.global().statsTimeoutMs(), timers));
                LOG.info("Runtime API listening on {}.", entry.getValue());
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: cannot open stats socket {}: {}; the runtime API is not "
                        + "available there.", entry.getValue().location(), entry.getValue(),
                        e.getMessage());
            }
        }
    }

    private synchronized void closeSockets() {
        sockets.values().forEach(StatsSocketServer::close);
        sockets.clear();
    }

    private void writePidFile(LbConfig started) {
        if (started.global().pidFile().isEmpty()) {
            return;
        }
        Path path = Path.of(started.global().pidFile().get());
        try {
            Files.writeString(path, ProcessHandle.current().pid() + "\n",
                    StandardCharsets.US_ASCII);
            pidFile = path;
        } catch (IOException e) {
            LOG.warn("{}: cannot write pid file {}: {}; reload with 'bramble lb reload "
                    + "--pid PID' or kill -HUP.", started.global().location(), path,
                    e.getMessage());
        }
    }

    private void deletePidFile() {
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (java.nio.file.AccessDeniedException e) {
                LOG.warn("Cannot remove pid file {}: permission denied{}", pidFile,
                        identity.switched().map(s -> " to " + s + ", as which this process "
                                + "runs since it wrote the file as root").orElse(""));
            } catch (IOException e) {
                LOG.warn("Cannot remove pid file {}: {}", pidFile, e.getMessage());
            }
        }
    }

    @Override
    public List<ServerHandle> servers() {
        return current.servers();
    }

    @Override
    public boolean hasBackend(String name) {
        return current.hasBackend(name);
    }

    @Override
    public String statsCsv() {
        return current.statsCsv();
    }

    @Override
    public ProcessInfo info() {
        return current.info();
    }

    /** The configuration in force. */
    public LbConfig config() {
        return config;
    }
}
