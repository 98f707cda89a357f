package io.bramble.testkit.netns;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Emptying a namespace of processes: deleting its name does not end what runs inside it. */
final class Namespaces {
    /** Time kill -9 may take to empty a namespace. */
    static final Duration EMPTY_TIMEOUT = Duration.ofSeconds(20);

    private Namespaces() {
    }

    /** kill -9 to every process in {@code namespace}; returns once none is left. */
    static void killProcesses(String namespace) {
        try {
            Awaitility.await("processes in " + namespace + " to end").atMost(EMPTY_TIMEOUT)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
                        List<Long> pids = Ip.pids(namespace);
                        pids.forEach(pid -> ProcessHandle.of(pid)
                                .ifPresent(ProcessHandle::destroyForcibly));
                        return pids.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("processes " + Ip.pids(namespace) + " in namespace "
                    + namespace + " survived kill -9 for " + EMPTY_TIMEOUT, e);
        }
    }
}
