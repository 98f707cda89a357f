package io.bramble.compute.failover;

import io.bramble.common.time.Clock;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.store.StoreCommand;
import io.bramble.pool.store.Versioned;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Keeps the running master's recovery folder ({@link RecoveryFiles}) in the pool's store, and
 * fills the folder from the store before a master starts. The store's majority-acknowledged
 * copy is what a master on another member recovers from when this one's member is gone.
 */
public final class RecoveryMirror {
    /** The store's records: key the file's name, value its bytes. */
    public static final RecordType<byte[]> TYPE = new RecordType<>("compute-recovery",
            new RecordCodec<>() {
                @Override
                public byte[] encode(byte[] value) {
                    return value.clone();
                }

                @Override
                public byte[] decode(byte[] bytes) {
                    return bytes.clone();
                }
            });
    /**
     * A file changed less than this long ago is copied at a later round: Spark writes each
     * file once, right after creating it, so an older one is whole.
     */
    static final long SETTLED_MS = 200;
    /** More files than this in the folder are not copied (Spark keeps one per worker and app). */
    static final int FILES_MAX = 4_096;

    private final Path dir;
    private final Clock clock;

    public RecoveryMirror(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** The folder the master is started with ({@code spark.deploy.recoveryDirectory}). */
    public Path dir() {
        return dir;
    }

    /**
     * Empties the folder and writes into it the store's records a master taking over should
     * start from (all but the workers of hosts not in {@code liveAddresses}). Returns how many.
     */
    public int restore(ClusterStore store, Set<String> liveAddresses) throws IOException {
        Files.createDirectories(dir);
        for (String name : read(false).orElseThrow().keySet()) {
            Files.deleteIfExists(dir.resolve(name));
        }
        Map<String, byte[]> kept = RecoveryFiles.toRecover(stored(store), liveAddresses);
        for (Map.Entry<String, byte[]> e : kept.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        return kept.size();
    }

    /**
     * Copies the folder's settled files to the store and removes the records of files that
     * are gone. A file too large for a record is reported to {@code skipped} and left out.
     */
    public void sync(ClusterStore store, Consumer<String> skipped) throws IOException {
        Optional<Map<String, byte[]>> folder = read(true);
        if (folder.isEmpty()) {
            return; // a file is being written: the next round copies it whole
        }
        RecoveryFiles.Sync sync = RecoveryFiles.sync(folder.get(), stored(store));
        for (Map.Entry<String, byte[]> e : sync.puts().entrySet()) {
            if (e.getValue().length > StoreCommand.VALUE_BYTES_MAX) {
                skipped.accept(e.getKey() + " (" + e.getValue().length + " bytes)");
                continue;
            }
            store.put(TYPE, e.getKey(), e.getValue(), ClusterStore.ANY);
        }
        for (String name : sync.deletes()) {
            store.delete(TYPE, name, ClusterStore.ANY);
        }
    }

    /** Removes every record: the cluster was stopped or started afresh. */
    public static void clear(ClusterStore store) {
        for (Versioned<byte[]> record : store.list(TYPE)) {
            store.delete(TYPE, record.key(), ClusterStore.ANY);
        }
    }

    private static Map<String, byte[]> stored(ClusterStore store) {
        Map<String, byte[]> stored = new TreeMap<>();
        for (Versioned<byte[]> record : store.list(TYPE)) {
            stored.put(record.key(), record.value());
        }
        return stored;
    }

    /**
     * The folder's recovery files with their bytes; with {@code settledOnly}, nothing while a
     * file was changed a moment ago. A file that vanishes while read is left out.
     */
    private Optional<Map<String, byte[]>> read(boolean settledOnly) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return Optional.of(files);
        }
        long now = clock.epochMillis();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (files.size() >= FILES_MAX || !RecoveryFiles.isRecoveryFile(name)) {
                    continue;
                }
                try {
                    if (settledOnly
                            && now - Files.getLastModifiedTime(file).toMillis() < SETTLED_MS) {
                        return Optional.empty();
                    }
                    files.put(name, Files.readAllBytes(file));
                } catch (java.nio.file.NoSuchFileException e) {
                    // removed by the master meanwhile
                }
            }
        }
        return Optional.of(files);
    }
}
