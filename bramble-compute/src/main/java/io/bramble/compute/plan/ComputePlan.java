package io.bramble.compute.plan;

import io.bramble.common.check.Checks;
import java.util.List;
import java.util.UUID;

/**
 * The pool's compute cluster as {@code compute start} set it: one record in the pool's store,
 * which every node reads to know whether it should run Spark's master, a worker, or nothing.
 *
 * @param master the member that runs the master
 * @param workers the members that run a worker; empty for every member but witnesses
 * @param ports the ports users and workers reach Spark on
 * @param workerCores cores each worker offers; 0 for all of its machine's
 * @param workerMemoryMb memory each worker offers, in MiB; 0 for Spark's default (the
 *     machine's memory less 1 GiB)
 */
public record ComputePlan(UUID master, List<UUID> workers, SparkPorts ports, int workerCores,
        long workerMemoryMb) {
    public static final int CORES_MAX = 4096;
    public static final long MEMORY_MB_MAX = 64L * 1024 * 1024;

    public ComputePlan {
        Checks.argument(workers.size() <= io.bramble.pool.member.Members.MEMBERS_MAX,
                "too many workers");
        Checks.inRange(workerCores, 0, CORES_MAX, "workerCores");
        Checks.inRange(workerMemoryMb, 0, MEMORY_MB_MAX, "workerMemoryMb");
        workers = List.copyOf(workers);
    }

    /** Whether every member (but witnesses) runs a worker. */
    public boolean allWorkers() {
        return workers.isEmpty();
    }
}
