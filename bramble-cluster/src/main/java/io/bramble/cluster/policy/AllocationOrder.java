package io.bramble.cluster.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which Pacemaker 2.1.5 assigns top-level resources: higher {@code priority}
 * first, otherwise configuration order. (Where a resource runs now and its scores do not
 * change the order: checked against crm_simulate, which ranks no other way.)
 */
final class AllocationOrder {
    private AllocationOrder() {
    }

    static List<Placeable> of(List<Placeable> resources) {
        List<Placeable> sorted = new ArrayList<>(resources);
        sorted.sort(Comparator.comparingInt(r -> -r.priority()));
        return sorted;
    }
}
