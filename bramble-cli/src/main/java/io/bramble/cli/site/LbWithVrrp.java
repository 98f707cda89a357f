package io.bramble.cli.site;

import io.bramble.common.config.Diagnostic;
import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.proxy.FollowedAddresses;
import io.bramble.lb.proxy.LoadBalancer;
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
import java.util.stream.Collectors;

/**
 * {@code bramble lb -f haproxy.cfg --vrrp keepalived.conf}: one process runs the balancer and
 * the VRRP instances. The balancer's listeners bound on a virtual address of the
 * keepalived.conf follow it (bound while this node holds the address, closed otherwise, on
 * either backend), and each such address gets a gate that stays closed while a backend behind
 * those listeners has no healthy server, so this node neither takes nor takes back an address
 * it could only answer with 503s.
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
        Set<Inet4Address> followed = followed(lb, vrrp, err);
        out.println(options.file() + ": configuration is valid (" + count(vrrp.instances()
                .size(), "instance") + "; " + count(followed.size(), "virtual address")
                + " with listeners)");
        out.flush();
    }

    /** Runs both until SIGTERM or Ctrl-C; returns the exit code. */
    public static int run(LbConfig lb, VrrpOptions options, String version, PrintWriter out,
            PrintWriter err) throws InterruptedException {
        VrrpConfig vrrp = parse(options.file(), err);
        VrrpService service = VrrpService.create(vrrp, serviceOptions(options, line -> print(
                out, line)));
        Set<Inet4Address> followed = followed(lb, vrrp, err);
        // On Linux, connections accepted on the address keep answering after it moves.
        LoadBalancer balancer = LoadBalancer.start(lb, Clock.system(), new SplittableRandom(),
                version, new FollowedAddresses(Set.<InetAddress>copyOf(followed), options
                        .backend() == Backend.LINUX));
        BalancerVips vips = new BalancerVips(balancer, Clock.system(), line -> print(out,
                line));
        Runnable stop = () -> {
            // VRRP first: priority 0 hands the addresses over at once; the listeners linger
            // until the peer listens, then the balancer closes.
            service.stop();
            vips.close();
            balancer.close();
        };
        try {
            vips.onHoldFailure(service::reconsiderGates);
            for (Inet4Address address : followed) {
                service.addGate(address, vips.gate(address));
                service.addVipListener(address, vips);
            }
            printListening(balancer, out);
            service.start();
        } catch (RuntimeException e) {
            stop.run();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "bramble-lb-vrrp-stop"));
        try {
            service.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop.run();
        return 0;
    }

    private static VrrpConfig parse(Path file, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            throw UserError.usage(file + ": keepalived.conf not found (given with --vrrp)");
        }
        VrrpConfig config = new KeepalivedConfigParser().parse(file);
        for (Diagnostic warning : config.warnings()) {
            err.println(warning);
        }
        err.flush();
        return config;
    }

    private static ServiceOptions serviceOptions(VrrpOptions options,
            java.util.function.Consumer<String> events) {
        return new ServiceOptions(options.backend(), options.loopbackPort(), events);
    }

    /** The virtual addresses some listener of the balancer is bound on. */
    static Set<Inet4Address> followed(LbConfig lb, VrrpConfig vrrp, PrintWriter err) {
        Set<Inet4Address> virtual = new LinkedHashSet<>();
        for (InstanceConfig instance : vrrp.instances()) {
            instance.addresses().stream().map(VirtualAddress::address).forEach(virtual::add);
        }
        Set<Inet4Address> followed = new LinkedHashSet<>();
        lb.proxies().forEach(proxy -> proxy.binds().forEach(bind -> {
            try {
                InetSocketAddress address = bind.address().resolve();
                if (address.getAddress() instanceof Inet4Address v4 && virtual.contains(v4)) {
                    followed.add(v4);
                }
            } catch (UnknownHostException e) {
                // LoadBalancer.start reports it, naming the bind line.
            }
        }));
        if (followed.isEmpty()) {
            err.println("bramble lb: warning: no listener of the haproxy.cfg is bound on a "
                    + "virtual address of " + virtual.stream().map(Inet4Address::getHostAddress)
                            .toList()
                    + ": VRRP runs, but no listener follows it and no health gates it");
            err.flush();
        }
        return followed;
    }

    private static void printListening(LoadBalancer balancer, PrintWriter out) {
        List<InetSocketAddress> always = balancer.boundAddresses();
        List<InetSocketAddress> following = balancer.followedAddresses();
        out.println("bramble lb: listening on " + (always.isEmpty()
                ? "no fixed address"
                : always
                        .stream().map(BalancerVips::text).collect(Collectors.joining(", ")))
                + " ("
                + (balancer.nativeTransport() ? "epoll" : "nio") + ")"
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
