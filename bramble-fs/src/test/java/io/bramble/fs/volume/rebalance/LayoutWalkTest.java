package io.bramble.fs.volume.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.time.ManualClock;
import io.bramble.fs.distribute.Distribute;
import io.bramble.fs.distribute.DistributeLimits;
import io.bramble.fs.distribute.Layout;
import io.bramble.fs.distribute.LayoutXattr;
import io.bramble.fs.distribute.Pointer;
import io.bramble.fs.distribute.Subvolume;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MemoryFileOps;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.volume.text.RebalanceStatusText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LayoutWalkTest {
    static final Caller ALICE = new Caller(1000, 1000, new int[0], 7);
    final MemoryFileOps old = new MemoryFileOps();
    final MemoryFileOps added = new MemoryFileOps();
    final ManualClock clock = new ManualClock();
    long nextId = 900;

    FileId newId() {
        return FileId.of(new UUID(5, nextId++));
    }

    void put(FileOps files, String file, String text) throws FsException {
        Opened opened = files.create(ALICE, FsPath.parse(file), newId(), 0644, OpenFlags.RDWR);
        files.write(opened.handle(), 0, text.getBytes(StandardCharsets.UTF_8));
        files.release(opened.handle());
    }

    String get(FileOps files, String file) throws FsException {
        Opened opened = files.open(ALICE, FsPath.parse(file), OpenFlags.RDONLY);
        try {
            return new String(files.read(opened.handle(), 0, 100), StandardCharsets.UTF_8);
        } finally {
            files.release(opened.handle());
        }
    }

    /** A volume of one subvolume with a tree of files, grown by a second subvolume. */
    Distribute grownTree() throws FsException {
        Distribute files = new Distribute(List.of(new Subvolume("v-replicate-0", old)),
                DistributeLimits.DEFAULTS, clock);
        for (String dir : List.of("/a", "/a/b", "/a/b/c", "/d")) {
            files.mkdir(ALICE, FsPath.parse(dir), newId(), 0755);
            for (int i = 0; i < 8; i++) {
                put(files, dir + "/f" + i, dir + i);
            }
        }
        old.setxattr(Caller.ROOT, FsPath.ROOT, LayoutXattr.NAME, LayoutXattr.encode(
                Layout.spread(List.of("v-replicate-0"), 0)), 0);
        files.append(List.of(new Subvolume("v-replicate-1", added)));
        return files;
    }

    @Test
    void aWalkSpreadsEveryDirectoryAndFilesStayFound() throws FsException {
        Distribute files = grownTree();
        RebalanceProgress progress = new RebalanceProgress();
        assertThat(LayoutWalk.walk(files, files::fixLayout, progress, () -> false)).isTrue();
        assertThat(progress.scannedCount()).isEqualTo(5);
        assertThat(progress.failureCount()).isZero();
        for (String dir : List.of("/", "/a", "/a/b", "/a/b/c", "/d")) {
            assertThat(LayoutXattr.decode(added.getxattr(Caller.ROOT, FsPath.parse(dir),
                    LayoutXattr.NAME)).subvolumes()).containsExactlyInAnyOrder(
                            "v-replicate-0", "v-replicate-1");
            assertThat(added.getattr(Caller.ROOT, FsPath.parse(dir)).id()).isEqualTo(
                    old.getattr(Caller.ROOT, FsPath.parse(dir)).id());
        }
        for (int i = 0; i < 40; i++) {
            put(files, "/a/b/new" + i, "n" + i);
        }
        assertThat(added.readdir(Caller.ROOT, FsPath.parse("/a/b"), null, 100).entries())
                .isNotEmpty();
        assertThat(old.readdir(Caller.ROOT, FsPath.parse("/a/b"), null, 100).entries())
                .hasSizeGreaterThan(8 + 1);
        assertThat(get(files, "/a/b/c/f3")).isEqualTo("/a/b/c3");
        assertThat(get(files, "/a/b/new17")).isEqualTo("n17");
    }

    @Test
    void aStoppedWalkSaysSo() throws FsException {
        Distribute files = grownTree();
        RebalanceProgress progress = new RebalanceProgress();
        assertThat(LayoutWalk.walk(files, files::fixLayout, progress, () -> true)).isFalse();
        assertThat(progress.scannedCount()).isZero();
    }

    @Test
    void aNodesRunIsReportedOnceEnded() throws FsException {
        Distribute files = grownTree();
        Rebalances runs = new Rebalances(clock);
        UUID id = runs.startFixLayout("gv0", "gv0", () -> stack(files)).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.report("gv0").orElseThrow()
                .state().ended());
        Rebalances.Report report = runs.report("gv0").orElseThrow();
        assertThat(report).isEqualTo(new Rebalances.Report(id,
                RebalanceState.FIX_LAYOUT_COMPLETED, 5, 5, 0, 0, 0, 0));
        assertThat(runs.stop("gv0")).isFalse();
        assertThat(runs.report("other")).isEmpty();
    }

    @Test
    void aStartMovesEveryFileToWhereItsNameHashesAndCountsThem() throws FsException {
        Distribute files = grownTree();
        Rebalances.Report report = ranToTheEnd(files, new Rebalances.Kind(true, true));
        assertThat(report.state()).isEqualTo(RebalanceState.COMPLETED);
        assertThat(report.scanned()).isEqualTo(5 + 32);
        assertThat(report.failures()).isZero();
        assertThat(report.skipped()).isZero();
        int onAdded = 0;
        long bytesOnAdded = 0;
        for (String dir : List.of("/a", "/a/b", "/a/b/c", "/d")) {
            for (int i = 0; i < 8; i++) {
                String file = dir + "/f" + i;
                assertThat(get(files, file)).isEqualTo(dir + i);
                assertThat(files.moveToHashed(FsPath.parse(file))).as(file).isEmpty();
                if (dataOnAdded(file)) {
                    onAdded++;
                    bytesOnAdded += (dir + i).length();
                }
            }
        }
        assertThat(report.moved()).isEqualTo(onAdded).isGreaterThan(0);
        assertThat(report.movedBytes()).isEqualTo(bytesOnAdded);
    }

    /** Whether the added subvolume holds {@code file}'s data, not only a pointer. */
    private boolean dataOnAdded(String file) throws FsException {
        try {
            return added.getattr(Caller.ROOT, FsPath.parse(file)).mode() != Pointer.MODE;
        } catch (FsException e) {
            return false;
        }
    }

    @Test
    void withoutForceAFileIsSkippedWhenTheTargetWouldEndWithLessFreeSpace() throws FsException {
        Rebalances.Report report = ranToTheEnd(grownTree(), new Rebalances.Kind(true, false));
        assertThat(report.state()).isEqualTo(RebalanceState.COMPLETED);
        assertThat(report.moved()).isZero();
        assertThat(report.skipped()).isGreaterThan(0);
    }

    /**
     * remove-brick start's run moves every file off the decommissioned subvolume whatever the
     * free space; a file held open stays busy through every try and is the run's failure.
     */
    @Test
    void aDrainMovesEveryFileOffAndCountsOneThatStaysBusy() throws FsException {
        Distribute files = grownTree();
        files.retire(java.util.Set.of("v-replicate-0"), java.util.Set.of());
        Opened held = files.open(ALICE, FsPath.parse("/d/f2"), OpenFlags.RDONLY);
        List<Long> pauses = new java.util.ArrayList<>();
        Rebalances runs = new Rebalances(clock, pauses::add);
        runs.start("gv0", "gv0", Rebalances.Kind.DRAIN,
                () -> stack(files, files::moveOffDecommissioned)).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.report("gv0").orElseThrow()
                .state().ended());
        Rebalances.Report report = runs.report("gv0").orElseThrow();
        assertThat(report.state()).isEqualTo(RebalanceState.FAILED);
        assertThat(report.failures()).isEqualTo(1);
        assertThat(report.moved()).isEqualTo(31);
        assertThat(report.skipped()).isZero();
        assertThat(pauses).hasSize(DrainMigration.BUSY_TRIES_MAX - 1).containsOnly(
                DrainMigration.BUSY_PAUSE_MS);
        files.release(held.handle());
        for (String dir : List.of("/a", "/a/b", "/a/b/c", "/d")) {
            for (int i = 0; i < 8; i++) {
                String file = dir + "/f" + i;
                assertThat(get(files, file)).isEqualTo(dir + i);
                boolean left = old.getattr(Caller.ROOT, FsPath.parse(file)).mode() != Pointer.MODE;
                assertThat(left).as(file).isEqualTo(file.equals("/d/f2"));
            }
        }
    }

    /** The report of a run of {@code kind} over {@code files}, once it ended. */
    private Rebalances.Report ranToTheEnd(Distribute files, Rebalances.Kind kind) {
        Rebalances runs = new Rebalances(clock);
        runs.start("gv0", "gv0", kind, () -> stack(files)).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.report("gv0").orElseThrow()
                .state().ended());
        return runs.report("gv0").orElseThrow();
    }

    private Rebalances.Stack stack(Distribute files) {
        return stack(files, files::moveToHashed);
    }

    private Rebalances.Stack stack(Distribute files, FileMigration.Planner planner) {
        return new Rebalances.Stack() {
            @Override
            public FileOps files() {
                return files;
            }

            @Override
            public LayoutWalk.Fix fix() {
                return dir -> {
                    clock.advanceMillis(1_000);
                    files.fixLayout(dir);
                };
            }

            @Override
            public FileMigration.Planner planner() {
                return planner;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void statusIsPrintedInGlustersColumns() {
        assertThat(RebalanceStatusText.fixLayout("gv0", List.of(new RebalanceStatusText.Row(
                "localhost", RebalanceState.FIX_LAYOUT_COMPLETED, 3_725)))).isEqualTo(
                        " ".repeat(31) + "Node" + " ".repeat(36) + "status" + " ".repeat(11)
                                + "run time in h:m:s\n"
                                + " ".repeat(26) + "---------" + " ".repeat(31)
                                + "-----------" + " ".repeat(16) + "------------\n"
                                + " ".repeat(26) + "localhost" + " ".repeat(31)
                                + "fix-layout completed" + " ".repeat(8) + "1:2:5\n"
                                + "volume rebalance: gv0: success\n");
    }

    @Test
    void aStartsStatusIsPrintedInGlustersColumns() {
        String text = RebalanceStatusText.migration("gv0", List.of(
                new RebalanceStatusText.MigrationRow("localhost", 12, 3 * 1024 * 1024, 40, 1, 2,
                        RebalanceState.COMPLETED, 61)));
        assertThat(text.lines().toList()).containsExactly(
                String.format("%40s %16s %13s %13s %13s %13s %20s %18s", "Node",
                        "Rebalanced-files", "size", "scanned", "failures", "skipped", "status",
                        "run time in h:m:s"),
                String.format("%40s %16s %13s %13s %13s %13s %20s %18s", "---------",
                        "-----------", "-----------", "-----------", "-----------",
                        "-----------", "------------", "--------------"),
                " ".repeat(31) + "localhost" + " ".repeat(15) + "12" + " ".repeat(9) + "3.0MB"
                        + " ".repeat(12) + "40" + " ".repeat(13) + "1" + " ".repeat(13) + "2"
                        + " ".repeat(12) + "completed" + " ".repeat(8) + "0:1:1",
                "volume rebalance: gv0: success");
    }
}
