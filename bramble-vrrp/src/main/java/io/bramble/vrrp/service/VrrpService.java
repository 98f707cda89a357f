package io.bramble.vrrp.service;

import io.bramble.common.check.Checks;
import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.vrrp.config.InstanceConfig;
import io.bramble.vrrp.config.VirtualAddress;
import io.bramble.vrrp.config.VrrpConfig;
import io.bramble.vrrp.vip.LoopbackVipBackend;
import io.bramble.vrrp.wire.DropCounters;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * keepalived's VRRP daemon in one object: {@link #start} opens the sockets, starts the event
 * loop, the receivers, the track scripts and the watcher; {@link #stop} announces priority 0,
 * removes the addresses, runs {@code notify_stop} and closes everything.
 *
 * <p>
 * A load balancer in the same process registers, before {@link #start}, a {@link VipGate}
 * per virtual address it serves (no healthy server: do not hold the address) and, at any
 * time, {@link VipListener}s that bind and close its listeners as the address comes and goes.
 */
public final class VrrpService implements AutoCloseable {
    /** How often gates are asked, unless {@link #reconsiderGates()} asks at once. */
    public static final long GATE_POLL_MS = Watcher.POLL_MS;
    /** How long stopping waits for the event loop to announce and clean up. */
    private static final long STOP_WAIT_MS = 10_000;

    private final VrrpConfig config;
    private final ServiceOptions options;
    private final Clock clock;
    private final Listeners listeners = new Listeners();
    private final Map<Inet4Address, List<VipGate>> gates = new LinkedHashMap<>();
    private final DropCounters drops = new DropCounters();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ServiceRuntime running;
    private boolean started;
    private volatile Throwable failure;

    private VrrpService(VrrpConfig config, ServiceOptions options, Clock clock) {
        this.config = config;
        this.options = options;
        this.clock = clock;
    }

    /** Checks what the backend needs of the config; fails with a message for the user. */
    public static VrrpService create(VrrpConfig config, ServiceOptions options) {
        if (options.backend() == Backend.LOOPBACK) {
            checkLoopback(config);
        }
        if (config.instances().isEmpty()) {
            throw UserError.usage("the config has no vrrp_instance: nothing to do");
        }
        return new VrrpService(config, options, Clock.system());
    }

    private static void checkLoopback(VrrpConfig config) {
        for (InstanceConfig instance : config.instances()) {
            String where = instance.where() + ": vrrp_instance " + instance.name() + ": ";
            if (instance.sourceAddress().isEmpty() || !instance.unicast()) {
                throw UserError.usage(where + "--backend loopback needs unicast_src_ip and "
                        + "unicast_peer (127.x addresses, one per instance)");
            }
            List<Inet4Address> all = new ArrayList<>(instance.unicastPeers());
            all.add(instance.sourceAddress().get());
            for (Inet4Address address : all) {
                if (!address.isLoopbackAddress()) {
                    throw UserError.usage(where + "--backend loopback needs 127.x addresses, "
                            + "got " + address.getHostAddress());
                }
            }
            for (VirtualAddress address : instance.addresses()) {
                try {
                    LoopbackVipBackend.check(address);
                } catch (IllegalArgumentException e) {
                    throw UserError.usage(where + e.getMessage());
                }
            }
        }
    }

    /** Calls {@code listener} as this node takes and gives up {@code address}. */
    public void addVipListener(Inet4Address address, VipListener listener) {
        checkAddress(address);
        listeners.add(address, listener);
    }

    public void addStateListener(StateListener listener) {
        listeners.add(listener);
    }

    /**
     * Lets {@code gate} keep this node from holding {@code address}: the instances with that
     * address are in FAULT while any of its gates is closed. Register before {@link #start}.
     */
    public synchronized void addGate(Inet4Address address, VipGate gate) {
        Checks.argument(!started, "gates are registered before start");
        checkAddress(address);
        gates.computeIfAbsent(address, a -> new ArrayList<>()).add(gate);
    }

    /** Asks the gates now rather than at the next poll. */
    public synchronized void reconsiderGates() {
        if (running != null) {
            running.tracking.wake();
        }
    }

    /** Opens the sockets and starts; a failure leaves nothing open. */
    public synchronized void start() {
        Checks.argument(!started, "a service starts once");
        started = true;
        running = ServiceRuntime.open(config, options, clock, listeners, gates, drops,
                this::failed);
        running.start();
        for (InstanceRuntime instance : running.instances.values()) {
            options.events().accept(describe(instance));
        }
    }

    /** Announces priority 0, removes the addresses and stops; waits for that to finish. */
    public void stop() {
        ServiceRuntime stopping;
        synchronized (this) {
            stopping = running;
            running = null;
        }
        if (stopping != null) {
            stopping.stop(STOP_WAIT_MS);
            options.events().accept("stopped");
        }
        stopped.countDown();
    }

    @Override
    public void close() {
        stop();
    }

    /** Returns once {@link #stop} finished, or the service failed. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Why the service stopped on its own, or null when it did not. */
    public Throwable failure() {
        return failure;
    }

    /** The event loop died: clean up from another thread (stop waits for the loop). */
    private void failed(Throwable cause) {
        failure = cause;
        Thread.ofPlatform().name("vrrp-failed").start(this::stop);
    }

    public synchronized VrrpStatus status() {
        List<VrrpStatus.InstanceStatus> instances = new ArrayList<>();
        if (running != null) {
            for (InstanceRuntime instance : running.instances.values()) {
                instances.add(new VrrpStatus.InstanceStatus(instance.name(), instance.state,
                        instance.priority, instance.addresses()));
            }
        }
        return new VrrpStatus(instances, drops.snapshot());
    }

    /** Whether a listener registered now for {@code address} would be told it is held. */
    public boolean holds(Inet4Address address) {
        return listeners.holds(address);
    }

    private void checkAddress(Inet4Address address) {
        boolean known = config.instances().stream().flatMap(i -> i.addresses().stream())
                .anyMatch(a -> a.address().equals(address));
        Checks.argument(known, address.getHostAddress() + " is not a virtual address of "
                + "this config");
    }

    private String describe(InstanceRuntime instance) {
        InstanceConfig c = instance.config;
        String to = c.unicast()
                ? "unicast to " + c.unicastPeers().stream().map(Inet4Address::getHostAddress)
                        .toList()
                : "multicast to 224.0.0.18";
        return c.name() + ": VRRP " + c.version().number() + " on " + c.interfaceName()
                + " from " + instance.channel.source().getHostAddress() + ", "
                + "virtual router " + c.virtualRouterId() + ", priority " + c.priority()
                + ", advert every " + c.advertIntervalMs() + " ms, " + to + ", "
                + running.backend.describe();
    }
}
