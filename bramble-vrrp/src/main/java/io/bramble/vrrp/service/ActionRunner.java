package io.bramble.vrrp.service;

import io.bramble.vrrp.config.SyncGroupConfig;
import io.bramble.vrrp.config.VirtualAddress;
import io.bramble.vrrp.core.VrrpAction;
import io.bramble.vrrp.core.VrrpAction.AddVips;
import io.bramble.vrrp.core.VrrpAction.AdvertIgnored;
import io.bramble.vrrp.core.VrrpAction.RemoveVips;
import io.bramble.vrrp.core.VrrpAction.SendAdvert;
import io.bramble.vrrp.core.VrrpAction.SendGratuitousArps;
import io.bramble.vrrp.core.VrrpAction.StateChanged;
import io.bramble.vrrp.core.VrrpState;
import io.bramble.vrrp.vip.VipBackend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the core's actions on the event loop: adverts out of the channel, addresses
 * through the backend and the listeners, state changes to the event lines, notify scripts
 * and state listeners. The first gratuitous ARP of each address goes out on the loop, the
 * rest of a burst from a thread of their own, so a paced burst never delays an advert; each
 * checks that its instance is still master.
 */
final class ActionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);
    /** The same warning about the same instance is repeated at most this often. */
    private static final long WARNING_GAP_MS = 10_000;

    private final Map<String, InstanceRuntime> instances;
    private final List<SyncGroupConfig> groups;
    private final VipBackend backend;
    private final Listeners listeners;
    private final Notifier notifier;
    private final Consumer<String> events;
    private final long garpIntervalMs;
    private final RateLimitedLog warnings = new RateLimitedLog(WARNING_GAP_MS);
    /** A platform thread: sends are native calls, which would pin a virtual thread's carrier. */
    private final ExecutorService garps = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("vrrp-garp").daemon().factory());

    ActionRunner(Map<String, InstanceRuntime> instances, List<SyncGroupConfig> groups,
            VipBackend backend, Listeners listeners, Notifier notifier,
            Consumer<String> events, long garpIntervalMs) {
        this.instances = instances;
        this.groups = groups;
        this.backend = backend;
        this.listeners = listeners;
        this.notifier = notifier;
        this.events = events;
        this.garpIntervalMs = garpIntervalMs;
    }

    void run(List<VrrpAction> actions, Prioritiser priorities) {
        for (VrrpAction action : actions) {
            InstanceRuntime instance = instances.get(action.instance());
            switch (action) {
                case SendAdvert advert -> advertise(instance, advert);
                case AddVips add -> addAddresses(instance);
                case RemoveVips remove -> removeAddresses(instance);
                case SendGratuitousArps arps -> announce(instance, arps.count());
                case StateChanged changed -> changed(instance, changed, priorities);
                case AdvertIgnored ignored -> warnings.warn(LOG, instance.name() + ":"
                        + ignored.reason().split(" ")[0], "({}) ignored an advert: {}{}",
                        instance.name(), ignored.reason(), hint(ignored.reason()));
            }
        }
    }

    /** What to do about the most common mistake: two ends speaking different versions. */
    private static String hint(String reason) {
        return reason.startsWith("version") || reason.startsWith("advert interval")
                ? "; both ends need the same vrrp_version and advert_int (see docs/vrrp.md)"
                : "";
    }

    /** The effective priority of an instance, asked of the node when a state changes. */
    interface Prioritiser {
        int priority(String instance);
    }

    private void advertise(InstanceRuntime instance, SendAdvert advert) {
        try {
            instance.advertise(advert.priority(), advert.advertIntervalMs());
        } catch (IOException e) {
            warnings.warn(LOG, instance.name() + ":send", "({}) cannot send an advert: {}",
                    instance.name(), e.getMessage());
        }
    }

    private void addAddresses(InstanceRuntime instance) {
        for (VirtualAddress address : instance.config.addresses()) {
            try {
                if (backend.add(address)) {
                    events.accept(instance.name() + ": added " + address);
                }
            } catch (IOException e) {
                LOG.error("({}) cannot add {}: {}", instance.name(), address, e.getMessage());
            }
            listeners.acquired(address.address());
        }
    }

    /** Listeners let go first, so nothing is left bound to an address being removed. */
    private void removeAddresses(InstanceRuntime instance) {
        for (VirtualAddress address : instance.config.addresses()) {
            listeners.released(address.address());
            try {
                if (backend.remove(address)) {
                    events.accept(instance.name() + ": removed " + address);
                }
            } catch (IOException e) {
                LOG.error("({}) cannot remove {}: {}", instance.name(), address, e
                        .getMessage());
            }
        }
    }

    /**
     * The first ARP of each address goes out here, on the loop, so that it leaves before the
     * advert that follows it in the actions (a lower master gives the address up on that
     * advert); with {@code vrrp_garp_interval} set only the very first does. The rest go out
     * paced from the ARP thread.
     */
    private void announce(InstanceRuntime instance, int count) {
        List<VirtualAddress> sequence = new ArrayList<>();
        for (int round = 0; round < count; round++) {
            sequence.addAll(instance.config.addresses());
        }
        int now = Math.min(sequence.size(), garpIntervalMs > 0
                ? 1
                : instance.config
                        .addresses().size());
        if (!announceAll(instance, sequence.subList(0, now), false)) {
            return;
        }
        List<VirtualAddress> later = List.copyOf(sequence.subList(now, sequence.size()));
        if (!later.isEmpty()) {
            garps.execute(() -> announceAll(instance, later, true));
        }
    }

    /** Sends one ARP per entry while the instance is master; false after a failed send. */
    private boolean announceAll(InstanceRuntime instance, List<VirtualAddress> addresses,
            boolean paced) {
        for (VirtualAddress address : addresses) {
            if (instance.state != VrrpState.MASTER) {
                return false; // a backup must not claim the address
            }
            if (paced) {
                pause();
            }
            try {
                backend.announce(address);
            } catch (IOException e) {
                warnings.warn(LOG, instance.name() + ":garp", "({}) cannot send a "
                        + "gratuitous ARP for {}: {}", instance.name(),
                        address.address()
                                .getHostAddress(),
                        e.getMessage());
                return false;
            }
        }
        return true;
    }

    private void pause() {
        if (garpIntervalMs > 0) {
            try {
                Thread.sleep(garpIntervalMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void changed(InstanceRuntime instance, StateChanged changed,
            Prioritiser priorities) {
        int priority = priorities.priority(instance.name());
        instance.state = changed.to();
        instance.priority = priority;
        events.accept(instance.name() + ": " + changed.from() + " -> " + changed.to() + " ("
                + changed.reason() + "), priority " + priority);
        notifier.changed("INSTANCE", instance.name(), instance.config.notifyScripts(), changed
                .to(), priority);
        listeners.stateChanged(instance.name(), changed.from(), changed.to(), changed
                .reason());
        for (SyncGroupConfig group : groups) {
            if (group.instances().contains(instance.name()) && group.instances().stream()
                    .allMatch(member -> instances.get(member).state == changed.to())) {
                notifier.changed("GROUP", group.name(), group.notifyScripts(), changed.to(),
                        0);
            }
        }
    }

    void close() {
        garps.shutdownNow();
        try {
            garps.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
