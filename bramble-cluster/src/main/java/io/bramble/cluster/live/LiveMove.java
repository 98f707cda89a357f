package io.bramble.cluster.live;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.pcs.CibStamp;
import io.bramble.cluster.pcs.MoveConstraints;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.pcs.PcsResult;
import io.bramble.common.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pcs resource move RESOURCE [NODE] [--wait[=SECONDS]]} on the live cluster, as pcs 0.11
 * runs it: the {@link MovePlan} is checked first, then its constraint is written, the command
 * waits until the cluster has moved the resource and has nothing more to do, removes the
 * constraint, waits again, and says where the resource runs. No constraint is left behind
 * unless the move did not finish in time, which {@code pcs status} then warns about.
 */
public final class LiveMove {
    private static final String WAITING = "Waiting for the cluster to apply configuration"
            + " changes";

    private final LiveCib cib;
    private final PoolHosts hosts;
    private final ClusterWait wait;

    public LiveMove(LiveCib cib, PoolHosts hosts, Clock clock) {
        this.cib = cib;
        this.hosts = hosts;
        this.wait = new ClusterWait(cib, hosts, clock);
    }

    /** Runs the words after {@code resource move}. */
    public PcsResult run(List<String> words, CibStamp stamp) throws InterruptedException {
        List<String> positional = new ArrayList<>();
        long waitS = ClusterWait.DEFAULT_S;
        boolean timeoutGiven = false;
        for (String word : words) {
            if (word.equals("--wait")) {
                continue;
            } else if (word.startsWith("--wait=")) {
                waitS = ClusterWait.seconds(word.substring("--wait=".length()));
                timeoutGiven = true;
            } else if (word.startsWith("-") || word.contains("=")) {
                throw new PcsException("'" + word + "' is not supported by bramble's resource"
                        + " move; usage: pcs resource move RESOURCE [NODE] [--wait[=SECONDS]]");
            } else {
                positional.add(word);
            }
        }
        if (positional.isEmpty() || positional.size() > 2) {
            throw new PcsException("usage: pcs resource move RESOURCE [NODE]"
                    + " [--wait[=SECONDS]]");
        }
        String resource = positional.getFirst();
        Optional<String> node = positional.size() > 1
                ? Optional.of(positional.get(1))
                : Optional.empty();
        MovePlan plan = MovePlan.of(now(), resource, node, seconds());
        List<String> err = new ArrayList<>();
        cib.change(hosts.all(), c -> Optional.of(MoveConstraints.with(c, plan.constraint())),
                stamp);
        err.add("Location constraint to move resource '" + resource + "' has been created");
        err.add(WAITING + (timeoutGiven ? " (timeout: " + waitS + " seconds)..." : "..."));
        if (!awaitIdle(plan, waitS)) {
            err.add("Error: the cluster did not move resource '" + resource + "' within "
                    + waitS + " seconds; its constraint '" + plan.constraint().id() + "' is"
                    + " still in place: run 'pcs resource clear " + resource + "' to remove it");
            return new PcsResult(Optional.empty(), List.of(), err, 1);
        }
        if (plan.movesBack(now(), seconds())) {
            err.add("Error: " + MovePlan.stayFailure(resource).getMessage());
            err.add("The constraint '" + plan.constraint().id() + "' stays in place: run 'pcs"
                    + " resource clear " + resource + "' to remove it");
            return new PcsResult(Optional.empty(), List.of(), err, 1);
        }
        cib.change(hosts.all(), c -> Optional.of(MoveConstraints.without(c, plan.constraint()
                .id())), stamp);
        err.add("Location constraint created to move resource '" + resource + "' has been"
                + " removed");
        err.add(WAITING + (timeoutGiven ? " (timeout: " + waitS + " seconds)..." : "..."));
        boolean settled = awaitIdle(plan, waitS);
        err.add(settled && plan.done(now())
                ? "resource '" + resource + "' is running on node '" + plan.to() + "'"
                : "Error: resource '" + resource + "' is not running on node '" + plan.to()
                        + "' after " + waitS + " seconds");
        return new PcsResult(Optional.empty(), List.of(), err, settled ? 0 : 1);
    }

    /** Waits until the resource runs on the plan's node and the engine has nothing to do. */
    private boolean awaitIdle(MovePlan plan, long waitS) throws InterruptedException {
        return wait.until(plan::done, waitS);
    }

    private Cluster now() {
        return wait.now();
    }

    private long seconds() {
        return wait.epochSeconds();
    }
}
