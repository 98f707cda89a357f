package io.bramble.lb.reload;

import io.bramble.common.os.SignalDisposition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Binds POSIX signals to the load balancer as HAProxy's are: HUP reloads the configuration,
 * USR1 stops gracefully (stop accepting, finish what is in flight), TERM and INT stop at once.
 * Uses {@code sun.misc.Signal} (module jdk.unsupported, present in JDK 25). Handlers run on a
 * JVM thread and must return quickly: each only hands the work over.
 */
final class ProcessSignals {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessSignals.class);

    private ProcessSignals() {
    }

    /** What each signal asks for. */
    interface Actions {
        void reload();

        void stopGracefully();

        void stopNow();
    }

    static void install(Actions actions) {
        if (SignalDisposition.unignore(SignalDisposition.SIGHUP)) {
            // Started under nohup: a reload must still work, as HAProxy users expect.
            LOG.info("SIGHUP was ignored (nohup); it reloads the configuration again");
        }
        handle("HUP", actions::reload);
        handle("USR1", actions::stopGracefully);
        handle("TERM", actions::stopNow);
        handle("INT", actions::stopNow);
    }

    private static void handle(String name, Runnable action) {
        try {
            Signal.handle(new Signal(name), signal -> Thread.ofPlatform()
                    .name("signal-" + name.toLowerCase(java.util.Locale.ROOT)).start(action));
        } catch (IllegalArgumentException e) {
            // The JVM keeps some signals for itself (with -Xrs, or on other systems).
            LOG.warn("Cannot handle SIG{} here: {}", name, e.getMessage());
        }
    }
}
