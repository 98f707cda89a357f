package io.bramble.testkit.fault;

import io.bramble.testkit.exec.Signals;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.process.ManagedProcess;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Faults for tests: kill -9 (a crash), SIGSTOP/SIGCONT (a hang, as a stuck disk or a long
 * garbage-collection pause looks from outside), and link down/up (a pulled cable).
 */
public final class Faults {
    /** Time a signal may take to show in the process's state. */
    public static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(20);

    private Faults() {
    }

    /**
     * Crashes {@code process} with kill -9; returns once it is gone. Its children, if any, live
     * on as after a real crash, until the test's cleanup kills them.
     */
    public static void kill9(ManagedProcess process) {
        process.crash();
    }

    /** kill -9 to every process of {@code host}; returns once none is left. */
    public static void killEverything(LabHost host) {
        host.killEverything();
    }

    /** SIGSTOP: returns once every thread of the process is stopped. */
    public static void pause(ManagedProcess process) {
        requireAlive(process, "pause");
        Signals.send(process.pid(), "STOP");
        await(process, "every thread stopped", () -> Signals.isStopped(process.pid()));
    }

    /** SIGCONT: returns once the process runs again. */
    public static void resume(ManagedProcess process) {
        requireAlive(process, "resume");
        Signals.send(process.pid(), "CONT");
        await(process, "running again", () -> !Signals.isMainThreadStopped(process.pid()));
    }

    /** Pulls {@code host}'s cable at the switch. */
    public static void linkDown(LabHost host) {
        host.linkDown();
    }

    /** Plugs {@code host}'s cable back in. */
    public static void linkUp(LabHost host) {
        host.linkUp();
    }

    private static void requireAlive(ManagedProcess process, String what) {
        if (!process.isAlive()) {
            throw new IllegalStateException("cannot " + what + " " + process.describe());
        }
    }

    private static void await(ManagedProcess process, String state,
            Callable<Boolean> reached) {
        try {
            Awaitility.await(process.name() + " " + state).atMost(SIGNAL_TIMEOUT)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(reached);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(process.name() + " not " + state + " after "
                    + SIGNAL_TIMEOUT + "; " + process.report(), e);
        }
    }
}
