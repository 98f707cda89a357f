package io.bramble.compute.daemon;

import io.bramble.common.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, each tick, what this node does with its Spark daemons: start the ones the plan
 * wants and that do not run, stop the ones it no longer wants (or wants otherwise), and start
 * again one that ended by itself, after a pause that doubles with each quick death
 * ({@value #RESTART_FIRST_MS} ms up to {@value #RESTART_MAX_MS} ms) so that a daemon that
 * cannot start does not spin. A daemon that ran {@value #STEADY_MS} ms is healthy again.
 * No I/O: the caller runs the actions and reports what runs.
 */
public final class Supervisor {
    static final long RESTART_FIRST_MS = 1_000;
    static final long RESTART_MAX_MS = 30_000;
    static final long STEADY_MS = 60_000;

    /** What to do with a daemon. */
    public sealed interface Action {
        /** Start it; {@code restart} when it ended by itself before. */
        record Start(DaemonSpec spec, boolean restart) implements Action {}

        record Stop(Daemon daemon) implements Action {}

        /** It ended by itself; started again in {@code inMs}. */
        record Died(Daemon daemon, long inMs) implements Action {}
    }

    private final Clock clock;
    private final Map<Daemon, Long> startedMs = new EnumMap<>(Daemon.class);
    private final Map<Daemon, Integer> quickDeaths = new EnumMap<>(Daemon.class);
    private final Map<Daemon, Long> notBeforeMs = new EnumMap<>(Daemon.class);

    public Supervisor(Clock clock) {
        this.clock = clock;
    }

    /**
     * The actions for this tick.
     *
     * @param wanted the daemons the plan wants here
     * @param running the daemons alive now, with the spec each was started with
     */
    public List<Action> tick(List<DaemonSpec> wanted, Map<Daemon, DaemonSpec> running) {
        long now = clock.millis();
        List<Action> actions = new ArrayList<>();
        for (Daemon daemon : Daemon.values()) {
            DaemonSpec want = wanted.stream().filter(s -> s.daemon() == daemon).findFirst()
                    .orElse(null);
            DaemonSpec runs = running.get(daemon);
            Long started = startedMs.get(daemon);
            if (runs == null && started != null) {
                startedMs.remove(daemon);
                if (want != null) {
                    long pause = died(daemon, now - started);
                    notBeforeMs.put(daemon, now + pause);
                    actions.add(new Action.Died(daemon, pause));
                    continue;
                }
            }
            if (runs != null && !runs.equals(want)) {
                actions.add(new Action.Stop(daemon));
                startedMs.remove(daemon);
                quickDeaths.remove(daemon);
                notBeforeMs.remove(daemon);
            } else if (runs == null && want != null
                    && now >= notBeforeMs.getOrDefault(daemon, Long.MIN_VALUE)) {
                actions.add(new Action.Start(want, quickDeaths.containsKey(daemon)));
                startedMs.put(daemon, now);
            } else if (want == null) {
                quickDeaths.remove(daemon);
                notBeforeMs.remove(daemon);
            }
        }
        return actions;
    }

    /** Records a death after {@code ranMs}; the pause before the next start. */
    private long died(Daemon daemon, long ranMs) {
        int deaths = ranMs >= STEADY_MS ? 1 : quickDeaths.getOrDefault(daemon, 0) + 1;
        quickDeaths.put(daemon, deaths);
        long pause = RESTART_FIRST_MS << Math.min(deaths - 1, 20);
        return Math.min(pause, RESTART_MAX_MS);
    }
}
