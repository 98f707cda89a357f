package io.bramble.fs.simulation;

import io.bramble.fs.ops.FaultyFileOps;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.replicate.MemoryStaleRecorder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Watches every copy of the simulated volume: which copies took each acknowledged write or
 * truncate, and which copy served each read. It flags a read served by a copy that missed an
 * acknowledged change of that file and was not healed since (a heal copies the data and sets
 * the size last, outside any watched change), and
 * an acknowledged change that did not reach a quorum of its replica set. With an arbiter, it
 * flags any read the arbiter served and an acknowledged change no copy with data took.
 */
final class CopyWatch implements FaultyFileOps.Observer {
    private final List<FaultyFileOps> copies;
    private final int replicaCount;
    private final int arbiter;
    private final List<MemoryStaleRecorder> recorders;
    private final List<String> violations;
    private final Set<String> missed = new HashSet<>();
    private final Set<Integer> took = new HashSet<>();
    private FileId watched;

    /** @param arbiter the arbiter's index in each set, or -1 */
    CopyWatch(List<FaultyFileOps> copies, int replicaCount, int arbiter,
            List<MemoryStaleRecorder> recorders, List<String> violations) {
        this.copies = copies;
        this.replicaCount = replicaCount;
        this.arbiter = arbiter;
        this.recorders = recorders;
        this.violations = violations;
    }

    /** Starts watching a change to {@code file}. */
    void begin(FileId file) {
        watched = file;
        took.clear();
    }

    @Override
    public void seen(FaultyFileOps copy, FaultyFileOps.Event event, FileId file, long offset,
            int lengthBytes) {
        int index = copies.indexOf(copy);
        if (event == FaultyFileOps.Event.READ) {
            if (index % replicaCount == arbiter) {
                violations.add("the arbiter " + copy.name() + " served a read of " + file);
            }
            if (missed.contains(index + " " + file)) {
                violations.add("copy " + copy.name() + " served a read of " + file
                        + " after missing an acknowledged change to it");
            }
        } else if (file.equals(watched)) {
            took.add(index);
        } else if (watched == null && event == FaultyFileOps.Event.TRUNCATE) {
            missed.remove(index + " " + file); // the heal set the size last: the copy is whole
        }
    }

    /** The watched change was acknowledged: check its quorum, remember who missed it. */
    void acknowledged(String what) {
        if (took.isEmpty()) {
            violations.add(what + " was acknowledged but reached no copy");
            return;
        }
        int set = took.iterator().next() / replicaCount;
        int takers = 0;
        int dataTakers = 0;
        for (int child = 0; child < replicaCount; child++) {
            int index = set * replicaCount + child;
            if (took.contains(index)) {
                takers++;
                dataTakers += child == arbiter ? 0 : 1;
            } else {
                missed.add(index + " " + watched);
            }
        }
        if (dataTakers == 0) {
            violations.add(what + " was acknowledged by no copy with data");
        }
        if (replicaCount == 3 && takers < 2) {
            violations.add(what + " was acknowledged by " + takers + " copy of 3");
        }
        if (replicaCount == 2 && takers < 2) {
            int other = took.contains(set * 2) ? 1 : 0;
            if (!recorders.get(set).stale().contains(other)) {
                violations.add(what + " was acknowledged by one copy of 2 without the"
                        + " tie-breaker recording the other");
            }
        }
        watched = null;
    }

    void refused() {
        watched = null;
    }
}
