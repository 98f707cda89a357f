package io.bramble.compute.status;

import java.util.List;
import java.util.Map;

/**
 * The master's status page ({@code /json/}), the parts {@code compute status} shows.
 *
 * @param url the master's URL, {@code spark://HOST:PORT}
 * @param status {@code ALIVE}, {@code STANDBY} or {@code RECOVERING}
 * @param workers every worker the master knows, dead ones included
 * @param active running applications
 * @param completed finished applications, the latest last
 */
public record MasterStatus(String url, String status, List<Worker> workers,
        List<Application> active, List<Application> completed) {
    /** A worker as the master sees it; memory in MiB. */
    public record Worker(String id, String host, int port, int cores, int coresUsed,
            long memoryMb, long memoryUsedMb, String state) {}

    /** An application; duration in ms, 0 while it runs. */
    public record Application(String id, String name, int cores, String state,
            long durationMs) {}

    public MasterStatus {
        workers = List.copyOf(workers);
        active = List.copyOf(active);
        completed = List.copyOf(completed);
    }

    /** Cores of the workers that are alive. */
    public int aliveCores() {
        return workers.stream().filter(w -> w.state().equals("ALIVE")).mapToInt(Worker::cores)
                .sum();
    }

    /** The most memory one live worker offers, in MiB; 0 when no worker is alive. */
    public long largestWorkerMemoryMb() {
        return workers.stream().filter(w -> w.state().equals("ALIVE"))
                .mapToLong(Worker::memoryMb).max().orElse(0);
    }

    public long aliveWorkers() {
        return workers.stream().filter(w -> w.state().equals("ALIVE")).count();
    }

    /** Reads the master's JSON status page. */
    public static MasterStatus parse(String json) throws Json.BadJson {
        if (!(Json.parse(json) instanceof Map<?, ?> page)) {
            throw new Json.BadJson("not an object");
        }
        return new MasterStatus(text(page, "url"), text(page, "status"),
                list(page, "workers").stream().map(MasterStatus::worker).toList(),
                list(page, "activeapps").stream().map(MasterStatus::application).toList(),
                list(page, "completedapps").stream().map(MasterStatus::application).toList());
    }

    private static Worker worker(Map<?, ?> w) {
        return new Worker(text(w, "id"), text(w, "host"), (int) number(w, "port"),
                (int) number(w, "cores"), (int) number(w, "coresused"), number(w, "memory"),
                number(w, "memoryused"), text(w, "state"));
    }

    private static Application application(Map<?, ?> a) {
        return new Application(text(a, "id"), text(a, "name"), (int) number(a, "cores"),
                text(a, "state"), number(a, "duration"));
    }

    private static String text(Map<?, ?> map, String key) {
        return map.get(key) instanceof String s ? s : "";
    }

    private static long number(Map<?, ?> map, String key) {
        return map.get(key) instanceof Double d ? d.longValue() : 0;
    }

    private static List<Map<?, ?>> list(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(o -> (Map<?, ?>) o)
                .toList();
    }
}
