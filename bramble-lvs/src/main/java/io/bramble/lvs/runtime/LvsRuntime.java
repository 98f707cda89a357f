package io.bramble.lvs.runtime;

import io.bramble.common.time.Clock;
import io.bramble.lb.proxy.Poller;
import io.bramble.lb.proxy.Transport;
import io.bramble.lvs.check.CheckRunner;
import io.bramble.lvs.config.ForwardMethod;
import io.bramble.lvs.config.LvsConfig;
import io.bramble.lvs.config.Protocol;
import io.bramble.lvs.config.VirtualServerConfig;
import io.bramble.lvs.nat.DirectorLimits;
import io.bramble.lvs.nat.TcpDirector;
import io.bramble.lvs.nat.UdpDirector;
import io.bramble.lvs.route.PacketDirector;
import io.bramble.lvs.service.LvsEvent;
import io.bramble.lvs.service.ServiceView;
import io.bramble.lvs.service.VirtualService;
import io.bramble.lvs.status.IpvsList;
import io.bramble.lvs.status.LvsMetrics;
import io.bramble.vrrp.service.CommandRunner;
import io.netty.channel.epoll.Epoll;
import io.bramble.lvs.status.StatusSocket;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Runs the virtual servers of a keepalived.conf in user space: NAT directors on their
 * addresses, checkers on their real servers, notify and quorum scripts; reports in the log
 * and in {@link #status()}.
 */
public final class LvsRuntime implements AutoCloseable {
    /** How long a notify or quorum script may run before it is killed. */
    static final long SCRIPT_TIMEOUT_MS = 60_000;
    /** Where {@code bramble lvs status} asks by default. */
    public static final String DEFAULT_STATUS_SOCKET = "/run/bramble/lvs.sock";

    private final List<VirtualService> services = new ArrayList<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Consumer<String> log;
    private final CommandRunner commands = new CommandRunner("");
    private Transport transport;
    private StatusSocket statusSocket;
    /** The DR and TUN director, once started; null without one. */
    private volatile PacketDirector packets;
    private boolean closed;

    public LvsRuntime(LvsConfig config, Clock clock, Consumer<String> log) {
        this.log = log;
        for (VirtualServerConfig server : config.virtualServers()) {
            services.add(new VirtualService(server, clock));
        }
    }

    /** Binds every virtual address and starts every checker; throws when one cannot bind. */
    public void start(Clock clock, DirectorLimits limits) throws IOException,
            InterruptedException {
        // epoll rather than io_uring: it lets a listener bind an address not held yet.
        transport = Transport.create(1, Epoll.isAvailable() ? Poller.EPOLL : Poller.NIO);
        List<VirtualService> passing = services.stream()
                .filter(s -> s.config().passesPackets()).toList();
        if (!passing.isEmpty()) {
            PacketDirector director = new PacketDirector(passing, limits, clock, log);
            director.start();
            running.add(director);
            packets = director;
        }
        for (VirtualService service : services) {
            if (!service.config().passesPackets()) {
                startNat(service, clock, limits);
            }
            CheckRunner checks = new CheckRunner(service, this::handle, commands);
            running.add(checks);
            checks.start();
            log.accept("Directing " + service.config().protocol() + " virtual server "
                    + service.config().name() + " by " + methods(service)
                    + " in user space ("
                    + service.config().scheduler().label() + ", "
                    + service.config().realServers().size() + " real servers)");
        }
    }

    private void startNat(VirtualService service, Clock clock, DirectorLimits limits)
            throws InterruptedException, IOException {
        if (service.config().protocol() == Protocol.TCP) {
            TcpDirector director = new TcpDirector(service, transport, limits, clock);
            running.add(director);
            director.start();
        } else {
            UdpDirector director = new UdpDirector(service, limits, clock);
            running.add(director);
            director.start();
        }
    }

    /** {@code NAT}, {@code DR}, {@code TUN}, or {@code DR and TUN} when they are mixed. */
    private static String methods(VirtualService service) {
        Set<ForwardMethod> methods = new TreeSet<>();
        service.config().realServers().forEach(real -> methods.add(real.method()));
        if (methods.isEmpty()) {
            methods.add(service.config().method());
        }
        return String.join(" and ", methods.stream().map(ForwardMethod::name).toList());
    }

    /**
     * Answers {@code bramble lvs status} on a Unix socket at {@code path}; the problem when it
     * cannot (directing goes on without it).
     */
    public Optional<String> openStatus(Path path) {
        try {
            statusSocket = StatusSocket.open(path, this::status);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** The table as {@code ipvsadm -Ln} prints it. */
    public String status() {
        return IpvsList.format(views());
    }

    /** The director's Prometheus metrics (see {@link LvsMetrics}). */
    public String metrics() {
        PacketDirector director = packets;
        return LvsMetrics.format(views(), director == null ? Map.of() : director.drops());
    }

    private List<ServiceView> views() {
        List<ServiceView> views = new ArrayList<>();
        for (VirtualService service : services) {
            views.add(service.view());
        }
        return views;
    }

    /** Logs, or runs a script on a thread of its own so that checks go on meanwhile. */
    private void handle(LvsEvent event) {
        switch (event) {
            case LvsEvent.Log(String line) -> log.accept(line);
            case LvsEvent.RunScript script -> Thread.ofVirtual().start(() -> run(script));
        }
    }

    private void run(LvsEvent.RunScript script) {
        var result = commands.run(script.command().words(), script.command().user(),
                SCRIPT_TIMEOUT_MS);
        if (!result.success()) {
            log.accept(script.why() + ": " + script.command() + " failed: "
                    + (result.problem().isEmpty()
                            ? "exit status " + result.exitCode()
                            : result.problem()));
        }
    }

    /** Stops checking and directing; with {@code omega}, runs the down scripts first. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (statusSocket != null) {
            running.add(statusSocket);
        }
        for (VirtualService service : services) {
            for (LvsEvent event : service.stopping()) {
                if (event instanceof LvsEvent.RunScript script) {
                    run(script);
                }
            }
        }
        for (AutoCloseable part : running.reversed()) {
            try {
                part.close();
            } catch (Exception e) {
                log.accept("stopping: " + e.getMessage());
            }
        }
        if (transport != null) {
            transport.close();
        }
    }
}
