package io.bramble.cluster.live;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.Resource;
import io.bramble.cluster.pcs.AgentSource;
import io.bramble.cluster.pcs.CibElement;
import io.bramble.cluster.pcs.CibStamp;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.pcs.PcsResult;
import io.bramble.common.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code pcs cluster destroy --all} on the live cluster: every resource is stopped first
 * (disabled, and waited for until it runs nowhere), then the pool's CIB is replaced by an
 * empty one, so that {@code pcs cluster setup} may start anew; the pool itself stays, as pcs
 * leaves pcsd's authorizations. pcs stops the cluster's daemons and removes their files on
 * each node instead; bramble's configuration is one for all nodes, so it is destroyed for all
 * or not at all.
 */
final class LiveDestroy {
    static final String USAGE = "usage: pcs cluster destroy --all [--wait=SECONDS]";

    private final LiveCib cib;
    private final PoolHosts hosts;
    private final ClusterWait wait;

    LiveDestroy(LiveCib cib, PoolHosts hosts, Clock clock) {
        this.cib = cib;
        this.hosts = hosts;
        this.wait = new ClusterWait(cib, hosts, clock);
    }

    PcsResult run(List<String> words, AgentSource agents, CibStamp stamp)
            throws InterruptedException {
        boolean all = false;
        long waitS = ClusterWait.DEFAULT_S;
        for (String word : words) {
            if (word.equals("--all")) {
                all = true;
            } else if (word.startsWith("--wait=")) {
                waitS = ClusterWait.seconds(word.substring("--wait=".length()));
            } else if (!word.equals("--force")) {
                throw new PcsException("'" + word + "' is not supported by bramble's cluster"
                        + " destroy; " + USAGE);
            }
        }
        if (!all) {
            throw new PcsException("bramble keeps one configuration for every node of the"
                    + " cluster, in the pool: 'pcs cluster destroy --all' removes it (its"
                    + " resources stopped first); to take one node out, detach it from the"
                    + " pool ('bramble peer detach HOST')");
        }
        List<String> err = new ArrayList<>();
        err.add("Destroying cluster on hosts: " + String.join(", ", hosts.all().stream()
                .sorted().map(h -> "'" + h + "'").toList()) + "...");
        Cluster before = wait.now();
        List<String> resources = before.resources().stream().map(Resource::id).toList();
        if (!resources.isEmpty()) {
            List<String> disable = new ArrayList<>(List.of("resource", "disable"));
            disable.addAll(resources);
            PcsResult stop = cib.run(disable, agents, hosts.all(), stamp);
            if (stop.exitCode() != 0) {
                return stop;
            }
            List<String> primitives = before.primitives().stream().map(Primitive::id).toList();
            if (!wait.until(c -> primitives.stream().allMatch(p -> c.status().nodeOf(p)
                    .isEmpty()), waitS)) {
                err.add("Error: the resources did not all stop within " + waitS + " seconds;"
                        + " the configuration is kept, with every resource disabled (see 'pcs"
                        + " status', then run the command again)");
                return new PcsResult(Optional.empty(), List.of(), err, 1);
            }
        }
        cib.change(hosts.all(), current -> Optional.of(CibElement.emptyAfter(current)), stamp);
        hosts.all().stream().sorted().forEach(h -> err.add(h + ": Successfully destroyed"
                + " cluster"));
        return new PcsResult(Optional.empty(), List.of(), err, 0);
    }
}
