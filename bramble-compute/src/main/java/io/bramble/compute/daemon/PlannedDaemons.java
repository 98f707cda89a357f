package io.bramble.compute.daemon;

import io.bramble.compute.plan.ComputePlan;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.Members;
import io.bramble.pool.member.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The daemons a plan wants on one member: the master, a worker, both or neither. */
public final class PlannedDaemons {
    private PlannedDaemons() {
    }

    /**
     * Seconds a master that takes over waits for the workers and applications it recovers to
     * answer before it schedules again without the silent ones (Spark's default is the
     * worker timeout, 60 s). The workers of a member that is gone are not recovered at all.
     */
    static final int RECOVERY_TIMEOUT_S = 10;

    /**
     * The daemons {@code plan} wants on member {@code self}; none when there is no plan, or
     * when the master is not a member any more (a worker needs its address).
     *
     * @param workDir the workers' folder for applications' files
     * @param recoveryDir the master's folder for the state a master that takes over recovers
     */
    public static List<DaemonSpec> of(Optional<ComputePlan> plan, Members members, UUID self,
            Path workDir, Path recoveryDir) {
        if (plan.isEmpty()) {
            return List.of();
        }
        ComputePlan p = plan.get();
        Optional<Member> master = members.byId(p.master());
        Optional<Member> me = members.byId(self);
        if (master.isEmpty() || me.isEmpty() || me.get().role() == Role.WITNESS) {
            return List.of();
        }
        String address = me.get().address();
        List<DaemonSpec> specs = new ArrayList<>();
        if (p.master().equals(self)) {
            specs.add(new DaemonSpec(Daemon.MASTER, address, List.of("--host", address,
                    "--port", Integer.toString(p.ports().master()), "--webui-port",
                    Integer.toString(p.ports().masterUi())),
                    Map.of(
                            "spark.deploy.recoveryMode", "FILESYSTEM",
                            "spark.deploy.recoveryDirectory", recoveryDir.toString(),
                            "spark.deploy.recoveryTimeout", RECOVERY_TIMEOUT_S + "s")));
        }
        if (p.allWorkers() || p.workers().contains(self)) {
            List<String> args = new ArrayList<>(List.of("--host", address, "--webui-port",
                    Integer.toString(p.ports().workerUi()), "--work-dir", workDir.toString()));
            if (p.workerCores() > 0) {
                args.addAll(List.of("--cores", Integer.toString(p.workerCores())));
            }
            if (p.workerMemoryMb() > 0) {
                args.addAll(List.of("--memory", p.workerMemoryMb() + "m"));
            }
            args.add(workerMasterUrls(members, p));
            specs.add(new DaemonSpec(Daemon.WORKER, address, args));
        }
        return specs;
    }

    /** The URL workers and applications reach the master at: {@code spark://HOST:PORT}. */
    public static String masterUrl(Member master, ComputePlan plan) {
        return "spark://" + master.address() + ":" + plan.ports().master();
    }

    /**
     * The masters a worker is started with: every voting member's address, in the order of
     * their ids, as {@code spark://HOST1:PORT,HOST2:PORT}. Any of them may come to run the
     * master, so a worker's command line does not change when the master moves: the worker
     * keeps running, and the new master, recovering the old one's state, tells it where it
     * is now. A worker that starts tries them all and registers with the one that runs.
     */
    public static String workerMasterUrls(Members members, ComputePlan plan) {
        return "spark://" + members.all().stream()
                .filter(m -> m.role() == Role.VOTER)
                .sorted(java.util.Comparator.comparing(Member::id))
                .map(m -> m.address() + ":" + plan.ports().master())
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** The master's web UI: {@code http://HOST:PORT/}. */
    public static String masterUi(Member master, ComputePlan plan) {
        return "http://" + master.address() + ":" + plan.ports().masterUi() + "/";
    }
}
