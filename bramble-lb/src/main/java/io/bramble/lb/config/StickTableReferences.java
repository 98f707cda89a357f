package io.bramble.lb.config;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table a track rule or an ACL names must be a proxy's {@code stick-table}, as HAProxy
 * checks once the file is read: a table may be declared below the rule naming it.
 */
final class StickTableReferences {
    /** A table named at {@code where} by {@code keyword}. */
    record Reference(String table, Location where, String keyword) {}

    private StickTableReferences() {
    }

    static void review(Diagnostics diagnostics, List<ProxySection> sections) {
        Map<String, StickTableConfig> tables = new HashMap<>();
        for (ProxySection section : sections) {
            section.builder.stickTable.ifPresent(t -> tables.putIfAbsent(t.name(), t));
        }
        for (ProxySection section : sections) {
            for (Reference reference : section.tableReferences) {
                if (!tables.containsKey(reference.table())) {
                    diagnostics.error(reference.where(), reference.keyword(), "no stick-table "
                            + "named '" + reference.table() + "': a table is named after the "
                            + "frontend or backend holding its stick-table line");
                }
            }
        }
    }
}
