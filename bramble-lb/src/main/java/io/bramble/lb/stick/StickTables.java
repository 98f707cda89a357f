package io.bramble.lb.stick;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.StickTableConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stick tables of one configuration, by the name of the proxy holding each. */
public final class StickTables {
    /** No table at all. */
    public static final StickTables NONE = new StickTables(List.of(), Clock.system());

    private final Map<String, StickTable> byName = new LinkedHashMap<>();

    public StickTables(List<StickTableConfig> tables, Clock clock) {
        for (StickTableConfig table : tables) {
            byName.put(table.name(), new StickTable(table, clock));
        }
    }

    /** The table of that proxy; null when it has none. */
    public StickTable named(String name) {
        return byName.get(name);
    }
}
