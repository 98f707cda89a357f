package io.bramble.cluster.simulate;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.policy.PolicyEngine;
import io.bramble.cluster.policy.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code bramble cluster simulate} prints, in crm_simulate's layout: the current
 * status, and with a simulation the transition summary and the revised status.
 */
public final class SimulationReport {
    private SimulationReport() {
    }

    /**
     * The report for {@code cluster}.
     *
     * @param simulate whether to schedule a transition and show its summary and outcome
     * @param nowEpochSeconds the time the transition is scheduled at
     */
    public static String render(Cluster cluster, boolean simulate, long nowEpochSeconds) {
        List<String> out = new ArrayList<>();
        long disabled = StatusText.disabledCount(cluster);
        if (disabled > 0) {
            out.add(disabled + " of " + cluster.primitives().size() + " resource instances"
                    + " DISABLED and 0 BLOCKED from further action due to failure");
            out.add("");
        }
        out.add("Current cluster status:");
        out.addAll(StatusText.lines(cluster, cluster.status().running()));
        if (simulate) {
            Transition transition = PolicyEngine.schedule(cluster, nowEpochSeconds);
            out.add("");
            out.add("Transition Summary:");
            out.addAll(SummaryText.lines(cluster, transition.changes()));
            out.add("");
            out.add("Revised Cluster Status:");
            Map<String, String> revised = new LinkedHashMap<>();
            transition.placement().forEach((id, node) -> node.ifPresent(n -> revised.put(id, n)));
            out.addAll(StatusText.lines(cluster, revised));
        }
        return String.join("\n", out) + "\n";
    }
}
