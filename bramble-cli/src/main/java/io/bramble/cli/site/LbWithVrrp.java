package io.bramble.cli.site;

import io.bramble.common.config.Diagnostic;
import io.bramble.common.error.UserError;
import io.bramble.common.os.ProcessUser;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.proxy.FollowedAddresses;
import io.bramble.lb.proxy.LoadBalancer;
import io.bramble.lb.reload.LbService;
import io.bramble.vrrp.config.InstanceConfig;
import io.bramble.vrrp.config.KeepalivedConfigParser;
import io.bramble.vrrp.config.VirtualAddress;
import io.bramble.vrrp.config.VrrpConfig;
import io.bramble.vrrp.service.Backend;
import io.bramble.vrrp.service.ServiceOptions;
import io.bramble.vrrp.service.VrrpService;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code bramble lb -f haproxy.cfg --vrrp keepalived.conf}: one process runs the balancer and
 * the VRRP instances. The balancer's listeners bound on a virtual address of the
 * keepalived.conf follow it (bound while this node holds the address, closed otherwise, on
 * either backend), and each such address gets a gate that stays closed while a backend behind
 * those listeners has no healthy server, so this node neither takes nor takes back an address
 * it could only answer with 503s. Reloads (HUP), graceful stops (USR1) and the stats sockets
 * work as without {@code --vrrp}; any stop first hands the addresses over (priority 0).
 */
public final class LbWithVrrp {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private LbWithVrrp() {
    }

    /** {@code -c --vrrp}: checks the keepalived.conf too and says how the two fit. */
    public static void check(LbConfig lb, VrrpOptions options, PrintWriter out,
            PrintWriter err) {
        VrrpConfig vrrp = parse(options.file(), err);
        VrrpService.create(vrrp, serviceOptions(options, line -> {
        }));
        Set<Inet4Address> followed = bound(lb, virtualAddresses(vrrp));
        warnIfNone(followed, vrrp, err);
        warnIfStayingRoot(lb, err);
        out.println(options.file() + ": configuration is valid (" + count(vrrp.instances()
                .size(), "instance") + "; " + count(followed.size(), "virtual address")
                + " with listeners)");
        out.flush();
    }

    /** Runs both until a signal stops them; returns the exit code. */
    public static int run(Path file, HaproxyConfigParser parser, VrrpOptions options,
            String version, PrintWriter out, PrintWriter err) throws InterruptedException {
        VrrpConfig vrrp = parse(options.file(), err);
        Consumer<String> events = line -> print(out, line);
        VrrpService service = VrrpService.create(vrrp, serviceOptions(options, events));
        Set<Inet4Address> virtual = virtualAddresses(vrrp);
        // On Linux, connections accepted on an address keep answering after it moves.
        LbService lb = LbService.start(file, parser, Clock.system(), new SplittableRandom(),
                version, true, warning -> {
                    err.println("bramble lb: " + warning);
                    err.flush();
                }, new FollowedAddresses(Set.<InetAddress>copyOf(virtual), options
                        .backend() == Backend.LINUX));
        BalancerVips vips = new BalancerVips(lb::current, Clock.system(), events);
        // VRRP first: priority 0 hands the addresses over at once; the listeners linger until
        // the peer listens, then the balancer closes.
        lb.beforeStop(() -> {
            service.stop();
            vips.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(lb::close, "bramble-lb-vrrp-stop"));
        try {
            Set<Inet4Address> followed = following(lb.current(), virtual);
            warnIfNone(followed, vrrp, err);
            warnIfStayingRoot(lb.config(), err);
            vips.onHoldFailure(service::reconsiderGates);
            for (Inet4Address address : followed) {
                service.addGate(address, vips.gate(address));
                service.addVipListener(address, vips);
            }
            printListening(lb.current(), out);
            service.start();
        } catch (RuntimeException e) {
            lb.close();
            throw e;
        }
        // VRRP ending on its own (an internal error) ends the process, so that systemd
        // restarts it, rather than leave a balancer that never holds its address.
        Thread.ofVirtual().name("vrrp-watch").start(() -> {
            try {
                service.awaitStopped();
            } catch (InterruptedException e) {
                return;
            }
            if (service.failure() != null) {
                lb.close();
            }
        });
        try {
            lb.awaitStop();
        } catch (InterruptedException e) {
            lb.close();
            Thread.currentThread().interrupt();
        }
        if (service.failure() != null) {
            throw UserError.runtime("VRRP stopped on an internal error: " + service.failure(),
                    service.failure());
        }
        return 0;
    }

    private static VrrpConfig parse(Path file, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            throw UserError.usage(file + ": keepalived.conf not found (given with --vrrp)");
        }
        VrrpConfig config = KeepalivedConfigParser.forThisHost().parse(file);
        for (Diagnostic warning : config.warnings()) {
            err.println(warning);
        }
        err.flush();
        return config;
    }

    private static ServiceOptions serviceOptions(VrrpOptions options, Consumer<String> events) {
        return new ServiceOptions(options.backend(), options.loopbackPort(), events);
    }

    private static Set<Inet4Address> virtualAddresses(VrrpConfig vrrp) {
        Set<Inet4Address> virtual = new LinkedHashSet<>();
        for (InstanceConfig instance : vrrp.instances()) {
            instance.addresses().stream().map(VirtualAddress::address).forEach(virtual::add);
        }
        return virtual;
    }

    /** The virtual addresses some listener of the file is bound on. */
    private static Set<Inet4Address> bound(LbConfig lb, Set<Inet4Address> virtual) {
        Set<Inet4Address> followed = new LinkedHashSet<>();
        lb.proxies().forEach(proxy -> proxy.binds().forEach(bind -> {
            try {
                InetSocketAddress address = bind.address().resolve();
                if (address.getAddress() instanceof Inet4Address v4 && virtual.contains(v4)) {
                    followed.add(v4);
                }
            } catch (UnknownHostException e) {
                // The balancer reports it, naming the bind line.
            }
        }));
        return followed;
    }

    /** The virtual addresses the running balancer has listeners on. */
    private static Set<Inet4Address> following(LoadBalancer balancer,
            Set<Inet4Address> virtual) {
        Set<Inet4Address> followed = new LinkedHashSet<>();
        for (InetSocketAddress address : balancer.followedAddresses()) {
            if (address.getAddress() instanceof Inet4Address v4 && virtual.contains(v4)) {
                followed.add(v4);
            }
        }
        return followed;
    }

    private static void warnIfNone(Set<Inet4Address> followed, VrrpConfig vrrp,
            PrintWriter err) {
        if (followed.isEmpty()) {
            err.println("bramble lb: warning: no listener of the haproxy.cfg is bound on a "
                    + "virtual address of " + virtualAddresses(vrrp).stream().map(
                            Inet4Address::getHostAddress).toList()
                    + ": VRRP runs, but no listener follows it and no health gates it");
            err.flush();
        }
    }

    /**
     * {@code user}/{@code group} are not applied here: VRRP needs root for as long as it runs
     * (raw sockets for advertisements, netlink to move the addresses).
     */
    private static void warnIfStayingRoot(LbConfig lb, PrintWriter err) {
        lb.global().runAs().filter(identity -> ProcessUser.isRoot()).ifPresent(identity -> {
            err.println("bramble lb: " + lb.global().location() + ": warning: with --vrrp the "
                    + "process stays root instead of running as " + identity + ": VRRP needs "
                    + "root to send advertisements and move addresses. Run 'bramble vrrp' and "
                    + "'bramble lb' as two processes to have the balancer give up root.");
            err.flush();
        });
    }

    private static void printListening(LoadBalancer balancer, PrintWriter out) {
        List<InetSocketAddress> always = balancer.boundAddresses();
        List<InetSocketAddress> following = balancer.followedAddresses();
        out.println("bramble lb: listening on " + (always.isEmpty()
                ? "no fixed address"
                : always
                        .stream().map(BalancerVips::text).collect(Collectors.joining(", ")))
                + " ("
                + balancer.poller().label() + ")"
                + (following.isEmpty()
                        ? ""
                        : "; while this node holds the virtual address: "
                                + following.stream().map(BalancerVips::text).collect(Collectors
                                        .joining(", "))));
        out.flush();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
    }

    private static synchronized void print(PrintWriter out, String line) {
        out.println(LocalTime.now().format(TIME) + " " + line);
        out.flush();
    }
}
