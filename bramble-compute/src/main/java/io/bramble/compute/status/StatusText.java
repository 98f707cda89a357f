package io.bramble.compute.status;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code compute status}: the master, each worker with its cores, memory and state, the
 * running and finished applications, and where the web UI is. Worker hosts show as the pool's
 * member names.
 */
public final class StatusText {
    /** Finished applications shown, the latest; the web UI lists them all. */
    static final int FINISHED_SHOWN_MAX = 20;

    private StatusText() {
    }

    public static String render(MasterStatus status, String masterNode, String ui,
            Function<String, String> nodeOfHost) {
        StringBuilder out = new StringBuilder();
        out.append("Master: ").append(status.url()).append(" on ").append(masterNode)
                .append(" (").append(status.status()).append(")\n");
        out.append("Web UI: ").append(ui).append('\n');
        out.append("Workers: ").append(status.aliveWorkers()).append(" alive, ")
                .append(status.aliveCores()).append(" cores\n");
        for (MasterStatus.Worker w : status.workers()) {
            out.append(String.format(Locale.ROOT,
                    "  %-16s %-6s cores %d (%d used)  memory %d MiB (%d used)  %s%n",
                    nodeOfHost.apply(w.host()), w.state(), w.cores(), w.coresUsed(),
                    w.memoryMb(), w.memoryUsedMb(), w.id()));
        }
        applications(out, "Running applications", status.active());
        List<MasterStatus.Application> finished = status.completed();
        applications(out, "Finished applications", finished.subList(Math.max(0,
                finished.size() - FINISHED_SHOWN_MAX), finished.size()));
        return out.toString();
    }

    private static void applications(StringBuilder out, String title,
            List<MasterStatus.Application> apps) {
        out.append(title).append(": ").append(apps.isEmpty() ? "none" : apps.size())
                .append('\n');
        for (MasterStatus.Application a : apps) {
            out.append(String.format(Locale.ROOT, "  %-28s %-16s %-9s %.1f s%n", a.id(),
                    a.name(), a.state(), a.durationMs() / 1000.0));
        }
    }
}
