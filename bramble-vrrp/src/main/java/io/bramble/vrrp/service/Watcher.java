package io.bramble.vrrp.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Polls what has no event of its own: interface link states (from sysfs) and health gates.
 * Each is a named condition; a change is reported as a tracked object going up or down.
 */
final class Watcher implements Runnable {
    /** A cut cable or a closed gate is noticed within this. */
    static final long POLL_MS = 100;

    private final Map<String, BooleanSupplier> conditions = new LinkedHashMap<>();
    private final Map<String, Boolean> last = new LinkedHashMap<>();
    private final BiConsumer<String, Boolean> onChange;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;

    Watcher(BiConsumer<String, Boolean> onChange) {
        this.onChange = onChange;
    }

    /** Adds a condition before {@link #run}; returns its state now. */
    boolean watch(String name, BooleanSupplier condition) {
        boolean now = evaluate(condition);
        conditions.put(name, condition);
        last.put(name, now);
        return now;
    }

    boolean isEmpty() { return conditions.isEmpty(); }

    /** Polls at once instead of at the next period. */
    void wake() {
        wake.release();
    }

    void stop() {
        running = false;
        wake.release();
    }

    @Override
    public void run() {
        while (running) {
            for (Map.Entry<String, BooleanSupplier> condition : conditions.entrySet()) {
                boolean now = evaluate(condition.getValue());
                if (last.put(condition.getKey(), now) != now) {
                    onChange.accept(condition.getKey(), now);
                }
            }
            try {
                if (wake.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean evaluate(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException e) {
            return false; // a gate that fails is a gate that is closed
        }
    }

    /**
     * Whether an interface has its link: {@code operstate} "up", or "unknown" for interfaces
     * that do not report one (lo, dummy). A missing interface is down.
     */
    static boolean linkUp(String interfaceName) {
        Path state = Path.of("/sys/class/net", interfaceName, "operstate");
        try {
            String text = Files.readString(state, StandardCharsets.US_ASCII).trim();
            return text.equals("up") || text.equals("unknown");
        } catch (IOException e) {
            return false;
        }
    }
}
