package io.bramble.cli.site;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.lb.proxy.LoadBalancer;
import io.bramble.vrrp.service.VipGate;
import io.bramble.vrrp.service.VipListener;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One load balancer seen by VRRP: taking a virtual address binds the balancer's listeners on
 * it and giving it up closes them; the address's gate is open while every backend behind
 * those listeners has a healthy server. A bind that fails (another program holds the port)
 * closes the gate for {@link #HOLD_RETRY_MS}, so that a peer takes the address, then the gate
 * opens again and the next hold tries again.
 *
 * <p>
 * Listeners close {@link #LINGER_MS} after the address is given up, not at once: with the
 * loopback backend the node taking the address over binds its own listeners (SO_REUSEPORT)
 * a few milliseconds after the node giving it up hears of it, and clients must find one of
 * them listening all along. On Linux the address has left the interface by then, so a
 * lingering listener receives nothing new and is harmless.
 */
final class BalancerVips implements VipListener {
    /** How long a failed bind keeps the gate closed before this node tries again. */
    static final long HOLD_RETRY_MS = 5_000;
    /** How long listeners stay after their address is given up (see above). */
    static final long LINGER_MS = 500;

    /** The generation serving now (a reload starts another). */
    private final Supplier<LoadBalancer> balancer;
    private final Clock clock;
    private final Consumer<String> events;
    private final Map<InetAddress, Long> failedAtNanos = new ConcurrentHashMap<>();
    private final Map<InetAddress, Boolean> lastAnswer = new ConcurrentHashMap<>();
    /** Per address, how many times it was taken: a lingering close checks it is current. */
    private final Map<InetAddress, Long> holdCount = new ConcurrentHashMap<>();
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("lb-vip-linger").daemon().factory());
    private volatile Runnable reconsider = () -> {
    };

    BalancerVips(Supplier<LoadBalancer> balancer, Clock clock, Consumer<String> events) {
        this.balancer = balancer;
        this.clock = clock;
        this.events = events;
    }

    /** What to call after a failed bind, so VRRP asks the gate at once. */
    void onHoldFailure(Runnable action) {
        this.reconsider = action;
    }

    @Override
    public void acquired(Inet4Address address) {
        holdCount.merge(address, 1L, Long::sum);
        try {
            balancer.get().hold(address);
            failedAtNanos.remove(address);
            events.accept("listening on " + listeners(address) + " (this node holds "
                    + address.getHostAddress() + ")");
        } catch (UserError e) {
            failedAtNanos.put(address, clock.nanoTime());
            events.accept("cannot listen on " + address.getHostAddress() + ": "
                    + e.getMessage() + "; giving the address up for " + HOLD_RETRY_MS / 1000
                    + " s");
            reconsider.run();
        }
    }

    @Override
    public void released(Inet4Address address) {
        long taken = holdCount.getOrDefault(address, 0L);
        closer.schedule(() -> {
            if (holdCount.getOrDefault(address, 0L) == taken && balancer.get().holds(address)) {
                balancer.get().release(address);
                events.accept("stopped listening on " + listeners(address) + " ("
                        + address.getHostAddress() + " is no longer held here)");
            }
        }, LINGER_MS, TimeUnit.MILLISECONDS);
    }

    /** Waits out the lingering listeners (at most {@link #LINGER_MS}) and stops. */
    void close() {
        closer.shutdown();
        try {
            closer.awaitTermination(LINGER_MS * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The gate VRRP asks before this node holds {@code address}. */
    VipGate gate(Inet4Address address) {
        return () -> {
            boolean open = open(address);
            Boolean before = lastAnswer.put(address, open);
            if (before == null || before != open) {
                events.accept(open
                        ? "every backend behind " + address.getHostAddress() + " has a healthy "
                                + "server: this node may hold it"
                        : "a backend behind " + address.getHostAddress() + " has no healthy "
                                + "server (yet): this node will not hold it");
            }
            return open;
        };
    }

    private boolean open(InetAddress address) {
        Long failed = failedAtNanos.get(address);
        if (failed != null && clock.nanoTime() - failed < HOLD_RETRY_MS * 1_000_000L) {
            return false;
        }
        return balancer.get().readyOn(address);
    }

    private String listeners(InetAddress address) {
        return balancer.get().followedAddresses().stream().filter(a -> a.getAddress().equals(
                address)).map(BalancerVips::text).collect(Collectors.joining(", "));
    }

    static String text(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
