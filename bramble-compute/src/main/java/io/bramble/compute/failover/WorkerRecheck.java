package io.bramble.compute.failover;

import io.bramble.common.time.Clock;
import java.util.UUID;

/**
 * When to ask a master that took over whether it knows this member's worker. A worker the new
 * master did not recover (it registered with the old master too shortly before that one's
 * member was lost for its record to reach the store) keeps calling the old master's address
 * and would idle for many minutes; started again, it finds the new master at once. The
 * question is asked {@value #AFTER_MS} ms after the master moved (the recovering master waits
 * at most 10 s for the workers it knows), and again every {@value #AFTER_MS} ms until a
 * master that runs has answered once. Pure: the caller asks and reports the answer.
 */
public final class WorkerRecheck {
    static final long AFTER_MS = 15_000;

    private final Clock clock;
    private UUID master;
    private long nextMs;
    private boolean answered = true;

    public WorkerRecheck(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether to ask now, given the plan's master and whether this member runs a worker; the
     * first master this member sees is not asked about.
     */
    public synchronized boolean due(UUID planMaster, boolean workerRuns) {
        long now = clock.millis();
        if (master == null) {
            master = planMaster;
            return false;
        }
        if (!planMaster.equals(master)) {
            master = planMaster;
            nextMs = now + AFTER_MS;
            answered = false;
            return false;
        }
        if (answered || !workerRuns || now < nextMs) {
            return false;
        }
        nextMs = now + AFTER_MS;
        return true;
    }

    /** The running master answered: no more questions until the master moves again. */
    public synchronized void answered() {
        answered = true;
    }
}
