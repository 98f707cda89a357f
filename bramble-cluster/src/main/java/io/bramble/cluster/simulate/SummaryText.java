package io.bramble.cluster.simulate;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.Resource;
import io.bramble.cluster.policy.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * A transition's summary in crm_simulate's columns: the change padded to 8, the resource to
 * the longest resource id plus 2, the nodes right-aligned in parentheses (at least 5 wide),
 * then the reason.
 */
final class SummaryText {
    /** crm_simulate's narrowest node column. */
    private static final int DETAIL_WIDTH_MIN = 5;

    private SummaryText() {
    }

    static List<String> lines(Cluster cluster, List<Change> changes) {
        int idWidth = 0;
        for (Resource r : cluster.resources()) {
            idWidth = Math.max(idWidth, r.id().length());
            for (Primitive p : r.primitives()) {
                idWidth = Math.max(idWidth, p.id().length());
            }
        }
        int detailWidth = DETAIL_WIDTH_MIN;
        for (Change c : changes) {
            detailWidth = Math.max(detailWidth, detail(c).length());
        }
        List<String> out = new ArrayList<>();
        for (Change c : changes) {
            String reason = c.reason().map(r -> "  " + r).orElse("");
            out.add(String.format("  * %-8s   %-" + (idWidth + 2) + "s   ( %" + detailWidth
                    + "s )%s", c.kind().word(), c.resource(), detail(c), reason));
        }
        return out;
    }

    private static String detail(Change c) {
        return switch (c.kind()) {
            case START, RESTART -> c.to().orElseThrow();
            case STOP -> c.from().orElseThrow();
            case MOVE -> c.from().orElseThrow() + " -> " + c.to().orElseThrow();
        };
    }
}
