package io.bramble.compute.service;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Poll;
import io.bramble.compute.daemon.PlannedDaemons;
import io.bramble.compute.failover.RecoveryMirror;
import io.bramble.compute.jars.PoolMemberJars;
import io.bramble.compute.plan.ComputePlan;
import io.bramble.compute.plan.PlanCodec;
import io.bramble.compute.plan.StartLine;
import io.bramble.compute.status.MasterPage;
import io.bramble.compute.status.MasterStatus;
import io.bramble.compute.status.StatusText;
import io.bramble.compute.submit.SubmitTarget;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.Role;
import io.bramble.pool.node.CommandFailure;
import io.bramble.pool.node.CommandSet;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code compute} words a node runs: {@code start}, {@code status} and {@code stop} for
 * users; {@code target} for {@code compute submit}, which asks where to submit; {@code halt},
 * {@code jars} and {@code jar} for the other members (stop now; the cache's manifest; a chunk
 * of a jar).
 */
public final class ComputeCommands implements CommandSet {
    public static final String WORD = "compute";
    /** How long {@code stop} waits for each member to stop its daemons. */
    static final long HALT_MS = 25_000;
    /** How long {@code target} waits for the cache to fill, within the client's 60 s. */
    static final long JARS_WAIT_MS = 45_000;
    static final long JARS_POLL_MS = 250;

    private final ComputeService service;
    private final MasterPage page = new MasterPage();

    public ComputeCommands(ComputeService service) {
        this.service = service;
    }

    @Override
    public Set<String> words() {
        return Set.of(WORD);
    }

    @Override
    public CommandReply run(PoolNode node, List<String> args) {
        String verb = args.size() > 1 ? args.get(1) : "";
        List<String> rest = args.subList(Math.min(2, args.size()), args.size());
        try {
            return switch (verb) {
                case "start" -> start(node, rest);
                case "status" -> status(node);
                case "stop" -> stop(node);
                case "target" -> target(node);
                case "halt" -> {
                    service.settle();
                    yield ok("");
                }
                case "jars" -> ok(service.cache().manifest().orElse(""));
                case "jar" -> jar(rest);
                default -> new CommandReply(UserError.EXIT_USAGE, "", "compute: expected"
                        + " start, status, submit or stop\n");
            };
        } catch (IOException e) {
            throw new CommandFailure("compute " + verb + ": failed: " + e.getMessage());
        }
    }

    private CommandReply start(PoolNode node, List<String> rest) {
        ClusterStore store = store(node, "start");
        ComputePlan plan;
        try {
            plan = StartLine.parse(rest, node.members(), node.id());
        } catch (StartLine.BadStart e) {
            return new CommandReply(UserError.EXIT_USAGE, "", e.getMessage() + "\n");
        }
        RecoveryMirror.clear(store); // what a cluster stopped before left is not this one's
        store.put(PlanCodec.TYPE, PlanCodec.KEY, plan, ClusterStore.ANY);
        Member master = node.members().byId(plan.master()).orElseThrow();
        long workers = plan.allWorkers()
                ? node.members().all().stream()
                        .filter(m -> m.role() == Role.VOTER).count()
                : plan.workers().size();
        return ok("compute start: success: master on " + master.hostname() + " ("
                + PlannedDaemons.masterUrl(master, plan) + "), workers on " + workers
                + " member" + (workers == 1 ? "" : "s") + "; web UI "
                + PlannedDaemons.masterUi(master, plan) + "\n"
                + "'bramble compute status' shows the workers as they register.\n");
    }

    private CommandReply status(PoolNode node) {
        Optional<ComputePlan> plan = service.plan();
        if (plan.isEmpty()) {
            return ok("Spark is not running on this pool; 'bramble compute start' starts"
                    + " it.\n");
        }
        Member master = master(node, plan.get());
        String ui = PlannedDaemons.masterUi(master, plan.get());
        try {
            MasterStatus status = page.read(ui);
            return ok(StatusText.render(status, master.hostname(), ui, host -> node
                    .members().all().stream().filter(m -> m.address().equals(host))
                    .map(Member::hostname).findFirst().orElse(host)));
        } catch (IOException e) {
            return new CommandReply(UserError.EXIT_RUNTIME, "Master: "
                    + PlannedDaemons.masterUrl(master, plan.get()) + " on "
                    + master.hostname() + " (not answering)\nWeb UI: " + ui + "\n",
                    "compute status: the master on " + master.hostname()
                            + " does not answer at " + ui + "json/ (" + e.getMessage()
                            + "); it may be starting" + starting() + ": try again in a"
                            + " moment\n");
        }
    }

    /** What this node's start waits for, when it waits: Spark's jars, or their failure. */
    private String starting() {
        if (!service.fillError().isEmpty()) {
            return " (this node cannot fetch Spark's jars: " + service.fillError() + ")";
        }
        int missing = service.cache().missing().size();
        return missing == 0
                ? ""
                : " (fetching Spark's jars: " + missing + " of "
                        + service.cache().release().jars().size() + " to go here)";
    }

    private CommandReply stop(PoolNode node) {
        ClusterStore store = store(node, "stop");
        if (service.plan().isEmpty()) {
            return ok("compute stop: Spark was not running on this pool\n");
        }
        service.removePlan(store);
        List<String> failed = new ArrayList<>();
        int stopped = 0;
        for (Member member : node.members().all()) {
            if (member.role() != Role.VOTER) {
                continue;
            }
            try {
                CommandReply reply = node.runOn(member, List.of(WORD, "halt"), HALT_MS);
                if (reply.exitCode() == 0) {
                    stopped++;
                } else {
                    failed.add(member.hostname());
                }
            } catch (IOException e) {
                failed.add(member.hostname());
            }
        }
        return new CommandReply(0, "compute stop: success: Spark stopped on " + stopped
                + " member" + (stopped == 1 ? "" : "s") + "\n",
                failed.isEmpty()
                        ? ""
                        : "note: " + String.join(", ", failed) + " did not answer; each"
                                + " stops its Spark daemons once it is back in the pool\n");
    }

    private CommandReply target(PoolNode node) throws IOException {
        Optional<ComputePlan> plan = service.plan();
        if (plan.isEmpty()) {
            throw new CommandFailure("compute submit: Spark is not running on this pool;"
                    + " start it with 'bramble compute start'");
        }
        Member master = master(node, plan.get());
        String ui = PlannedDaemons.masterUi(master, plan.get());
        MasterStatus status;
        try {
            status = page.read(ui);
        } catch (IOException e) {
            throw new CommandFailure("compute submit: the master on " + master.hostname()
                    + " does not answer at " + ui + " (" + e.getMessage() + "); 'bramble"
                    + " compute status' shows when it is up");
        }
        if (!service.cache().complete()) {
            service.fillInBackground();
            boolean done = Poll.until(service.cache()::complete, Boolean::booleanValue,
                    JARS_WAIT_MS, JARS_POLL_MS, io.bramble.common.time.Clock.system(),
                    Poll.SLEEP);
            if (!done) {
                throw new CommandFailure("compute submit: Spark's jars are not on this node"
                        + " yet" + starting() + "; try again in a moment");
            }
        }
        String address = node.members().byId(node.id()).map(Member::address).orElse("");
        return ok(new SubmitTarget(PlannedDaemons.masterUrl(master, plan.get()),
                service.cache().home(), service.cache().release().scala(), address,
                status.aliveCores(), status.largestWorkerMemoryMb()).encode());
    }

    private CommandReply jar(List<String> rest) throws IOException {
        if (rest.size() != 2 || !rest.get(1).matches("[0-9]{1,12}")) {
            throw new CommandFailure("compute jar: expected NAME OFFSET");
        }
        Optional<Path> jar = service.cache().jar(rest.get(0));
        if (jar.isEmpty() || !service.cache().complete()) {
            throw new CommandFailure("compute jar: no jar " + rest.get(0) + " here");
        }
        return ok(PoolMemberJars.chunk(jar.get(), Long.parseLong(rest.get(1))));
    }

    private static Member master(PoolNode node, ComputePlan plan) {
        return node.members().byId(plan.master()).orElseThrow(() -> new CommandFailure(
                "compute: the master's member left the pool; 'bramble compute start"
                        + " --master NODE' names another"));
    }

    private static ClusterStore store(PoolNode node, String verb) {
        return node.store().orElseThrow(() -> new CommandFailure("compute " + verb
                + ": failed: this node is in no pool yet; probe a peer first"));
    }

    private static CommandReply ok(String out) {
        return new CommandReply(0, out, "");
    }
}
