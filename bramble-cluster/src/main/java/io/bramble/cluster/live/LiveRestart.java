package io.bramble.cluster.live;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.pcs.AgentSource;
import io.bramble.cluster.pcs.CibStamp;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.pcs.PcsResult;
import io.bramble.common.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pcs resource restart RESOURCE [--wait=SECONDS]} on the live cluster, as crm_resource
 * restarts: the resource is stopped (target-role=Stopped), the command waits until it is
 * stopped everywhere, then lets it start again (target-role removed, as {@code pcs resource
 * enable} does) and waits until it runs. The cluster places it again, so it may start on
 * another node when nothing keeps it where it was.
 */
final class LiveRestart {
    private final LiveCib cib;
    private final PoolHosts hosts;
    private final ClusterWait wait;

    LiveRestart(LiveCib cib, PoolHosts hosts, Clock clock) {
        this.cib = cib;
        this.hosts = hosts;
        this.wait = new ClusterWait(cib, hosts, clock);
    }

    PcsResult run(List<String> words, AgentSource agents, CibStamp stamp)
            throws InterruptedException {
        List<String> positional = new ArrayList<>();
        long waitS = ClusterWait.DEFAULT_S;
        for (String word : words) {
            if (word.startsWith("--wait=")) {
                waitS = ClusterWait.seconds(word.substring("--wait=".length()));
            } else if (word.equals("--wait")) {
                continue;
            } else if (word.startsWith("-") || word.contains("=")) {
                throw new PcsException("'" + word + "' is not supported by bramble's resource"
                        + " restart; usage: pcs resource restart RESOURCE [--wait=SECONDS]");
            } else {
                positional.add(word);
            }
        }
        if (positional.size() == 2) {
            throw new PcsException("restarting on one node is not supported by bramble: it"
                    + " restarts the resource wherever it runs; usage: pcs resource restart"
                    + " RESOURCE [--wait=SECONDS]");
        }
        if (positional.size() != 1) {
            throw new PcsException("usage: pcs resource restart RESOURCE [--wait=SECONDS]");
        }
        String resource = positional.getFirst();
        Cluster before = wait.now();
        List<String> primitives = before.resource(resource).map(r -> r.primitives().stream()
                .map(Primitive::id).toList()).orElseThrow(() -> new PcsException(
                        "Resource '" + resource + "' not found"));
        if (primitives.stream().allMatch(p -> before.status().nodeOf(p).isEmpty())) {
            throw new PcsException("Resource '" + resource + "' not restarted: not active");
        }
        PcsResult stop = cib.run(List.of("resource", "disable", resource), agents,
                hosts.all(), stamp);
        if (stop.exitCode() != 0) {
            return stop;
        }
        boolean stopped = wait.until(c -> primitives.stream().allMatch(p -> c.status()
                .nodeOf(p).isEmpty()), waitS);
        PcsResult start = cib.run(List.of("resource", "enable", resource), agents, hosts.all(),
                stamp);
        if (start.exitCode() != 0) {
            return start;
        }
        if (!stopped) {
            return failed("'" + resource + "' did not stop within " + waitS + " seconds; it"
                    + " was let start again");
        }
        if (!wait.until(c -> primitives.stream().allMatch(p -> c.status().nodeOf(p)
                .isPresent()), waitS)) {
            return failed("'" + resource + "' did not start again within " + waitS
                    + " seconds");
        }
        return new PcsResult(Optional.empty(), List.of(resource + " successfully restarted"),
                List.of(), 0);
    }

    private static PcsResult failed(String why) {
        return new PcsResult(Optional.empty(), List.of(), List.of("Error: " + why), 1);
    }
}
