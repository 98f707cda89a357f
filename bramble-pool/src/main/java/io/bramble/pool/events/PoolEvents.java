package io.bramble.pool.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of one node; a listener that throws is logged and kept. */
public final class PoolEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PoolEvents.class);
    private final List<PoolListener> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(PoolListener listener) {
        listeners.add(listener);
    }

    public void unsubscribe(PoolListener listener) {
        listeners.remove(listener);
    }

    public void publish(PoolEvent event) {
        for (PoolListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("a pool listener failed on {}: {}", event, e.toString());
            }
        }
    }
}
