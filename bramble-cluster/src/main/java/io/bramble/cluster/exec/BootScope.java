package io.bramble.cluster.exec;

import io.bramble.common.os.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Keeps the agents' run-time state to the boot that made it, as Pacemaker's
 * {@code /run/resource-agents} is kept by being in memory: the folder records the machine's
 * boot id, and when a node starts after a reboot the state the agents left (Dummy's "running"
 * mark in {@code HA_RSCTMP}, the pid files of {@code ocf:heartbeat:anything}, the stops parked
 * for resources that no longer run, actions' output) is removed before any agent runs, so
 * that a probe never reports a resource running that the reboot ended. A folder that records
 * no boot yet (a new one, or one an earlier version kept) is left as it is: it may hold the
 * marks of resources that run now.
 */
final class BootScope {
    /** The file in the folder that holds the boot id. */
    static final String RECORD = "boot-id";
    /** What a boot leaves behind in the folder; the agents themselves are written anew. */
    static final List<String> RUN_TIME = List.of("rsctmp", "stops", "exec");

    private BootScope() {
    }

    /**
     * Clears {@code folder}'s run-time state if it was made in another boot than
     * {@code bootId}, then records {@code bootId}; whether it cleared. An empty id (a kernel
     * that does not tell it) changes nothing.
     */
    static boolean enter(Path folder, String bootId) throws IOException {
        if (bootId.isEmpty()) {
            return false;
        }
        Files.createDirectories(folder);
        Path record = folder.resolve(RECORD);
        boolean rebooted = Files.exists(record) && !Files.readString(record).strip().equals(
                bootId);
        if (rebooted) {
            for (String name : RUN_TIME) {
                Folders.deleteTree(folder.resolve(name));
            }
        }
        Path temporary = folder.resolve(RECORD + ".tmp");
        Files.writeString(temporary, bootId + "\n");
        Files.move(temporary, record, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        return rebooted;
    }
}
