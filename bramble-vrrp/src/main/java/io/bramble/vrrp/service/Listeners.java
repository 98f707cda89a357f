package io.bramble.vrrp.service;

import io.bramble.vrrp.core.VrrpState;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered listeners and which addresses are held now, so that a listener added while
 * an address is held hears {@code acquired} at once. A listener that throws is logged and
 * does not stop the others or the event loop.
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final Map<Inet4Address, List<VipListener>> byAddress = new LinkedHashMap<>();
    private final Set<Inet4Address> held = new HashSet<>();
    private final List<StateListener> states = new CopyOnWriteArrayList<>();

    synchronized void add(Inet4Address address, VipListener listener) {
        byAddress.computeIfAbsent(address, a -> new ArrayList<>()).add(listener);
        if (held.contains(address)) {
            call(() -> listener.acquired(address), "acquired", address);
        }
    }

    void add(StateListener listener) {
        states.add(listener);
    }

    synchronized void acquired(Inet4Address address) {
        if (held.add(address)) {
            for (VipListener listener : byAddress.getOrDefault(address, List.of())) {
                call(() -> listener.acquired(address), "acquired", address);
            }
        }
    }

    synchronized void released(Inet4Address address) {
        if (held.remove(address)) {
            for (VipListener listener : byAddress.getOrDefault(address, List.of())) {
                call(() -> listener.released(address), "released", address);
            }
        }
    }

    synchronized boolean holds(Inet4Address address) {
        return held.contains(address);
    }

    void stateChanged(String instance, VrrpState from, VrrpState to, String reason) {
        for (StateListener listener : states) {
            try {
                listener.changed(instance, from, to, reason);
            } catch (RuntimeException e) {
                LOG.warn("a state listener failed on {} -> {} of {}", from, to, instance, e);
            }
        }
    }

    private static void call(Runnable callback, String what, Inet4Address address) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("a listener failed on {} of {}", what, address.getHostAddress(), e);
        }
    }
}
