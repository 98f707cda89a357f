package io.bramble.compute.failover;

import io.bramble.common.time.Clock;
import io.bramble.compute.plan.ComputePlan;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Watches, from one member, whether the plan's master member is reachable. Once it has been
 * gone for {@value #MASTER_GONE_MS} ms, the reachable member that should take the master over
 * (a worker of the plan, the lowest id among them, so that every member picks the same one)
 * gets a new plan naming itself; the others get nothing. The pool's liveness reports a member
 * gone within about a second, and a new master with its workers registered takes Spark a few
 * seconds more.
 */
public final class MasterWatch {
    static final long MASTER_GONE_MS = 3_000;

    private final Clock clock;
    private UUID watched;
    private long goneSinceMs;
    private boolean gone;

    public MasterWatch(Clock clock) {
        this.clock = clock;
    }

    /**
     * The plan this member should write, if it is the one to take the master over now.
     *
     * @param plan the plan in the store
     * @param masterReachable whether this member reaches the plan's master member
     * @param self this member
     * @param reachable the voters this member reaches, itself included
     */
    public Optional<ComputePlan> tick(ComputePlan plan, boolean masterReachable, UUID self,
            List<UUID> reachable) {
        long now = clock.millis();
        if (plan.master().equals(self) || masterReachable
                || !plan.master().equals(watched)) {
            watched = plan.master();
            gone = !masterReachable && !plan.master().equals(self);
            goneSinceMs = now;
            return Optional.empty();
        }
        if (!gone) {
            gone = true;
            goneSinceMs = now;
        }
        if (now - goneSinceMs < MASTER_GONE_MS) {
            return Optional.empty();
        }
        Optional<UUID> heir = reachable.stream()
                .filter(id -> !id.equals(plan.master()))
                .filter(id -> plan.allWorkers() || plan.workers().contains(id))
                .min(Comparator.naturalOrder());
        if (heir.isEmpty() || !heir.get().equals(self)) {
            return Optional.empty();
        }
        return Optional.of(new ComputePlan(self, plan.workers(), plan.ports(),
                plan.workerCores(), plan.workerMemoryMb()));
    }
}
