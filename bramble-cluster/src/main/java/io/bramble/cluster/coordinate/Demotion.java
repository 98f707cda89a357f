package io.bramble.cluster.coordinate;

/**
 * A node's own side of the lease: whether it may run resources, and when it must stop them
 * all because it has not heard the coordinator of the pool's majority for too long. Pure: the
 * node's shell feeds it the coordinator's answers and asks it with its own clock's time.
 *
 * <p>The lease must outlive the daemon: a daemon that restarts while its agents run keeps the
 * promise its earlier run made. So the shell writes {@link #leaseEndMs()} where a restart finds
 * it (a file under {@code /run}, on the monotonic clock, which a daemon restart keeps and a
 * reboot clears together with the agents) and a restarted daemon {@link #resuming resumes} it.
 * A node without that record (its first run since boot) assumes an earlier run's lease may last
 * {@code leaseMs} from now. Either way it starts nothing until it is answered.
 *
 * <p>Once it began stopping everything, the node asks for no lease until every stop ended (or
 * the reset came): then it asks as a new run of its daemon, so that the coordinator probes it
 * and learns that its resources stopped, instead of believing them still running there.
 */
public final class Demotion {
    /** What the node does now. */
    public enum Verdict {
        /** The lease holds: run what the coordinator asks. */
        RUN,
        /** The lease ended: stop every resource, start none. */
        STOP_ALL,
        /** The lease ended {@code stopMaxMs} ago: anything still running is killed now. */
        RESET
    }

    private final LeaseTiming timing;
    /** When the lease ends, on this node's clock. */
    private long leaseEndMs;
    /** Whether this run of the node was ever answered: only then may it start anything. */
    private boolean granted;
    /** Between the start of a demotion's stops and their end. */
    private boolean stopping;
    /** The highest session the coordinator gave this node; older instructions are refused. */
    private long session;

    private Demotion(LeaseTiming timing, long leaseEndMs) {
        this.timing = timing;
        this.leaseEndMs = leaseEndMs;
    }

    /** A node that starts at {@code nowMs}: an earlier run's lease may last until now + lease. */
    public static Demotion starting(LeaseTiming timing, long nowMs) {
        return new Demotion(timing, nowMs + timing.leaseMs());
    }

    /**
     * A daemon that restarted on a machine where an earlier run recorded that its lease ends at
     * {@code previousLeaseEndMs}: that run's promise to stop by then (and to be reset
     * {@code stopMaxMs} later) holds for this run.
     */
    public static Demotion resuming(LeaseTiming timing, long previousLeaseEndMs) {
        return new Demotion(timing, previousLeaseEndMs);
    }

    /**
     * The coordinator answered the lease request this node sent at {@code requestSentMs} (its
     * own clock). An answer that arrives late lengthens nothing beyond its request's lease.
     */
    public void granted(long requestSentMs, long grantSession) {
        leaseEndMs = Math.max(leaseEndMs, requestSentMs + timing.leaseMs());
        granted = true;
        session = Math.max(session, grantSession);
    }

    /** Whether an instruction of {@code instructionSession} may still be carried out. */
    public boolean accepts(long instructionSession) {
        if (instructionSession < session) {
            return false;
        }
        session = instructionSession;
        return true;
    }

    /** Whether a start may run now. */
    public boolean mayStart(long nowMs) {
        return granted && !stopping && verdict(nowMs) == Verdict.RUN;
    }

    /** The node began stopping everything: it asks for no lease until they all ended. */
    public void stopping() {
        stopping = true;
    }

    /** Every resource stopped (or the reset killed them): the node may ask for a lease again. */
    public void allStopped() {
        stopping = false;
    }

    /** Whether the node may ask for a lease now. */
    public boolean asksForLease() {
        return !stopping;
    }

    /** What the node must do at {@code nowMs}. */
    public Verdict verdict(long nowMs) {
        if (nowMs < leaseEndMs) {
            return Verdict.RUN;
        }
        return nowMs < leaseEndMs + timing.stopMaxMs() ? Verdict.STOP_ALL : Verdict.RESET;
    }

    /** The next time the verdict may change, for the shell's timer. */
    public long nextChangeMs(long nowMs) {
        return nowMs < leaseEndMs ? leaseEndMs : leaseEndMs + timing.stopMaxMs();
    }

    public long leaseEndMs() {
        return leaseEndMs;
    }
}
