package io.bramble.cluster.coordinate;

/**
 * A node's own side of the lease: whether it may run resources, and when it must stop them
 * all because it has not heard the coordinator of the pool's majority for too long. Pure: the
 * node's shell feeds it the coordinator's answers and asks it with its own clock's time.
 *
 * <p>A node that has just started knows nothing of a lease an earlier run of it may have held,
 * which lasted at most {@code leaseMs} from now: it starts nothing until it is answered, and
 * stops what it finds running when that lease would have ended.
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
        return granted && verdict(nowMs) == Verdict.RUN;
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
