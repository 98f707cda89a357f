package io.bramble.compute.failover;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of Spark's master recovery ({@code spark.deploy.recoveryMode=FILESYSTEM}): one
 * file per registered worker ({@code worker_worker-YYYYMMDDhhmmss-HOST-PORT}), running
 * application ({@code app_...}) and driver ({@code driver_...}), each a serialized record. The
 * node of the running master copies them into the pool's store; a master that takes over
 * starts from them, so it tells the workers and applications where it is and they keep
 * running. Pure: which files to keep and what the store lacks.
 */
public final class RecoveryFiles {
    /** The names Spark gives its recovery files; anything else in the folder is left out. */
    private static final Pattern NAME = Pattern.compile(
            "(app|driver|worker)_[A-Za-z0-9._:-]{1,200}");
    private static final Pattern WORKER = Pattern.compile(
            "worker_worker-[0-9]{14}-(.+)-[0-9]{1,5}");

    /** What to write to the store, and what to delete there, for it to hold the folder. */
    public record Sync(Map<String, byte[]> puts, Set<String> deletes) {
        public boolean isEmpty() { return puts.isEmpty() && deletes.isEmpty(); }
    }

    private RecoveryFiles() {
    }

    /** Whether {@code name} is one of Spark's recovery files. */
    public static boolean isRecoveryFile(String name) {
        return NAME.matcher(name).matches();
    }

    /** The host a worker's recovery file names; empty for other files. */
    public static Optional<String> workerHost(String name) {
        Matcher m = WORKER.matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The records a master that takes over starts from: all but the workers on hosts that are
     * not among {@code liveAddresses}. Such a worker, on a member that is gone, would never
     * answer, and the master would wait its recovery timeout for it before scheduling again.
     */
    public static Map<String, byte[]> toRecover(Map<String, byte[]> records,
            Set<String> liveAddresses) {
        Map<String, byte[]> kept = new TreeMap<>();
        records.forEach((name, bytes) -> {
            Optional<String> host = workerHost(name);
            if (isRecoveryFile(name) && (host.isEmpty() || liveAddresses.contains(host.get()))) {
                kept.put(name, bytes);
            }
        });
        return kept;
    }

    /** The writes that make {@code stored} hold exactly the recovery files of {@code folder}. */
    public static Sync sync(Map<String, byte[]> folder, Map<String, byte[]> stored) {
        Map<String, byte[]> puts = new TreeMap<>();
        folder.forEach((name, bytes) -> {
            if (isRecoveryFile(name) && !Arrays.equals(bytes, stored.get(name))) {
                puts.put(name, bytes);
            }
        });
        Set<String> deletes = new TreeSet<>(stored.keySet());
        deletes.removeIf(name -> folder.containsKey(name) && isRecoveryFile(name));
        return new Sync(puts, deletes);
    }
}
