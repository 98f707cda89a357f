package io.bramble.vrrp.service;

import io.bramble.vrrp.config.Command;
import io.bramble.vrrp.config.NotifyScripts;
import io.bramble.vrrp.core.VrrpState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs notify scripts one after the other, in the order of the state changes, off the event
 * loop. {@code notify_master} and the like run as written; {@code notify} gets
 * {@code INSTANCE|GROUP NAME STATE PRIORITY} appended, as in keepalived.
 */
final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    /** A notify script taking longer is killed, so later ones are not held up forever. */
    static final long SCRIPT_TIMEOUT_MS = 60_000;
    /** How long stopping waits for the notify scripts still to run. */
    static final long DRAIN_MS = 15_000;

    private final CommandRunner runner;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(Thread.ofVirtual()
            .name("vrrp-notify").factory());

    Notifier(CommandRunner runner) {
        this.runner = runner;
    }

    /** Queues the scripts for {@code kind} (INSTANCE or GROUP) entering {@code to}. */
    void changed(String kind, String name, NotifyScripts scripts, VrrpState to, int priority) {
        String state = to == VrrpState.INITIALIZE ? "STOP" : to.name();
        Command specific = switch (to) {
            case MASTER -> scripts.master();
            case BACKUP -> scripts.backup();
            case FAULT -> scripts.fault();
            case INITIALIZE -> scripts.stop();
        };
        run(specific.words(), specific.user(), name);
        if (!scripts.any().isEmpty()) {
            List<String> command = new ArrayList<>(scripts.any().words());
            command.addAll(List.of(kind, name, state, Integer.toString(priority)));
            run(command, scripts.any().user(), name);
        }
    }

    private void run(List<String> command, String user, String name) {
        if (command.isEmpty()) {
            return;
        }
        queue.execute(() -> {
            CommandRunner.Result result = runner.run(command, user, SCRIPT_TIMEOUT_MS);
            if (!result.success()) {
                LOG.warn("({}) notify script {} failed: {}", name, command, result.problem()
                        .isEmpty() ? "exit code " + result.exitCode() : result.problem());
            }
        });
    }

    /** Lets the queued scripts finish (for at most {@link #DRAIN_MS}), then stops. */
    void close() {
        queue.shutdown();
        try {
            if (!queue.awaitTermination(DRAIN_MS, TimeUnit.MILLISECONDS)) {
                queue.shutdownNow();
            }
        } catch (InterruptedException e) {
            queue.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
