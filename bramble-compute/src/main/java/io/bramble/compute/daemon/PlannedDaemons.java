package io.bramble.compute.daemon;

import io.bramble.compute.plan.ComputePlan;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.Members;
import io.bramble.pool.member.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The daemons a plan wants on one member: the master, a worker, both or neither. */
public final class PlannedDaemons {
    private PlannedDaemons() {
    }

    /**
     * The daemons {@code plan} wants on member {@code self}; none when there is no plan, or
     * when the master is not a member any more (a worker needs its address).
     *
     * @param workDir the workers' folder for applications' files
     */
    public static List<DaemonSpec> of(Optional<ComputePlan> plan, Members members, UUID self,
            Path workDir) {
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
                    Integer.toString(p.ports().masterUi()))));
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
            args.add(masterUrl(master.get(), p));
            specs.add(new DaemonSpec(Daemon.WORKER, address, args));
        }
        return specs;
    }

    /** The URL workers and applications reach the master at: {@code spark://HOST:PORT}. */
    public static String masterUrl(Member master, ComputePlan plan) {
        return "spark://" + master.address() + ":" + plan.ports().master();
    }

    /** The master's web UI: {@code http://HOST:PORT/}. */
    public static String masterUi(Member master, ComputePlan plan) {
        return "http://" + master.address() + ":" + plan.ports().masterUi() + "/";
    }
}
