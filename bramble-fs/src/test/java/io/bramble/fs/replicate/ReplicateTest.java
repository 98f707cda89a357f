package io.bramble.fs.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.time.ManualClock;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.FaultyFileOps;
import io.bramble.fs.ops.FaultyFileOps.State;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MemoryFileOps;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReplicateTest {
    static final Caller ALICE = new Caller(1000, 1000, new int[0], 7);
    static final FsPath FILE = FsPath.parse("/f");

    final ManualClock clock = new ManualClock();
    final List<MemoryFileOps> copies = new ArrayList<>();
    final List<FaultyFileOps> faulty = new ArrayList<>();
    final MemoryStaleRecorder recorder = new MemoryStaleRecorder();
    long nextId = 100;

    Replicate replicate(int count) {
        return replicate(count, ReplicateOptions.DEFAULTS, Runnable::run);
    }

    Replicate replicate(int count, ReplicateOptions options,
            java.util.concurrent.Executor executor) {
        List<FileOps> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MemoryFileOps copy = new MemoryFileOps();
            copies.add(copy);
            faulty.add(new FaultyFileOps("c" + i, copy));
            children.add(faulty.get(i));
        }
        return new Replicate(children, options, executor, clock, recorder);
    }

    FileId newId() {
        return FileId.of(new UUID(9, nextId++));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    void writeFile(FileOps files, FsPath path, String text) throws FsException {
        Opened opened = files.create(ALICE, path, newId(), 0644, OpenFlags.RDWR);
        files.write(opened.handle(), 0, bytes(text));
        files.release(opened.handle());
    }

    String readFile(FileOps files, FsPath path) throws FsException {
        Opened opened = files.open(ALICE, path, OpenFlags.RDONLY);
        try {
            return new String(files.read(opened.handle(), 0, 1 << 16), StandardCharsets.UTF_8);
        } finally {
            files.release(opened.handle());
        }
    }

    String copyText(int child, FsPath path) throws FsException {
        Opened opened = copies.get(child).open(Caller.ROOT, path, OpenFlags.RDONLY);
        return new String(copies.get(child).read(opened.handle(), 0, 1 << 16),
                StandardCharsets.UTF_8);
    }

    PendingCounters pending(int holder, FsPath path, int blamed) throws FsException {
        try {
            return PendingCounters.decode(copies.get(holder).getxattr(Caller.ROOT, path,
                    PendingCounters.name(blamed)));
        } catch (FsException e) {
            return PendingCounters.ZERO;
        }
    }

    FileVersion version(int holder, FsPath path) throws FsException {
        try {
            return FileVersion.decode(copies.get(holder).getxattr(Caller.ROOT, path,
                    FileVersion.NAME));
        } catch (FsException e) {
            return FileVersion.ZERO;
        }
    }

    /** Replica 3 reading from copy 0 first, {@link #FILE} holding "old!". */
    Replicate replicaThreeHoldingOld() throws FsException {
        Replicate files = replicate(3, ReplicateOptions.DEFAULTS.withReadChildPreferred(0),
                Runnable::run);
        writeFile(files, FILE, "old!");
        return files;
    }

    /** Opens {@link #FILE} while copy {@code away} is down, then brings that copy back. */
    Opened openMissedBy(Replicate files, int away) throws FsException {
        faulty.get(away).state(State.DOWN);
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        faulty.get(away).state(State.UP);
        return opened;
    }

    /** Writes {@code text} through {@code opened} while copy {@code full} is full: refused. */
    void writeRefusedForSpace(Replicate files, Opened opened, int full, String text) {
        faulty.get(full).state(State.FULL);
        assertThatThrownBy(() -> files.write(opened.handle(), 0, bytes(text)))
                .hasMessageContaining("ENOSPC");
    }

    @Test
    void aLookupReadsEachCopysAttributesAndMarkersInOneCall() throws FsException {
        Replicate files = replicate(2);
        writeFile(files, FILE, "both");
        copies.get(1).setxattr(Caller.ROOT, FILE, PendingCounters.name(0),
                PendingCounters.ZERO.plus(ChangeKind.DATA).encode(), 0);
        copies.get(0).setxattr(Caller.ROOT, FILE, "user.other", bytes("x"), 0);
        int[] before = new int[2];
        for (int i = 0; i < 2; i++) {
            before[i] = faulty.get(i).calls("getattrXattrs");
        }
        assertThat(files.getattr(ALICE, FILE).sizeBytes()).isEqualTo(4);
        for (int i = 0; i < 2; i++) {
            assertThat(faulty.get(i).calls("getattrXattrs") - before[i]).isEqualTo(1);
            assertThat(faulty.get(i).calls("getattr") + faulty.get(i).calls("listxattr")
                    + faulty.get(i).calls("getxattr")).as("copy %d", i).isZero();
        }
        // An open reads the markers with the open itself; copy 0 is stale and is not read.
        int reads0 = faulty.get(0).calls("read");
        int reads1 = faulty.get(1).calls("read");
        assertThat(readFile(files, FILE)).isEqualTo("both");
        assertThat(faulty.get(0).calls("read")).isEqualTo(reads0);
        assertThat(faulty.get(1).calls("read")).isEqualTo(reads1 + 1);
        for (int i = 0; i < 2; i++) {
            assertThat(faulty.get(i).calls("openXattrs")).isEqualTo(1);
            assertThat(faulty.get(i).calls("getattrXattrs") - before[i]).isEqualTo(1);
            assertThat(faulty.get(i).calls("open")).isZero();
        }
    }

    @Test
    void anOpenWhereTheCopiesDisagreeDecidesByTheParentsMarkers() throws FsException {
        Replicate files = replicate(2);
        writeFile(files, FILE, "new");
        // Copy 1 missed the create, and copy 0's directory says so.
        copies.get(1).unlink(Caller.ROOT, FILE);
        copies.get(0).setxattr(Caller.ROOT, FsPath.ROOT, PendingCounters.name(1),
                PendingCounters.ZERO.plus(ChangeKind.ENTRY).encode(), 0);
        assertThat(readFile(files, FILE)).isEqualTo("new");
        assertThat(copies.get(0).openFiles()).isZero();
        // Copy 0 holds another file by the name, which copy 1's directory says it missed.
        copies.get(0).setxattr(Caller.ROOT, FsPath.ROOT, PendingCounters.name(1),
                PendingCounters.ZERO.encode(), 0);
        copies.get(0).unlink(Caller.ROOT, FILE);
        Opened other = copies.get(0).create(Caller.ROOT, FILE, newId(), 0644, OpenFlags.RDWR);
        copies.get(0).write(other.handle(), 0, bytes("old"));
        copies.get(0).release(other.handle());
        Opened fresh = copies.get(1).create(Caller.ROOT, FILE, newId(), 0644, OpenFlags.RDWR);
        copies.get(1).write(fresh.handle(), 0, bytes("newer"));
        copies.get(1).release(fresh.handle());
        copies.get(1).setxattr(Caller.ROOT, FsPath.ROOT, PendingCounters.name(0),
                PendingCounters.ZERO.plus(ChangeKind.ENTRY).encode(), 0);
        assertThat(readFile(files, FILE)).isEqualTo("newer");
        assertThat(copies.get(0).openFiles() + copies.get(1).openFiles()).isZero();
    }

    @Test
    void aHealthyChangeReachesEveryCopyAndLeavesNoMarker() throws FsException {
        Replicate files = replicate(3);
        writeFile(files, FILE, "hello");
        for (int i = 0; i < 3; i++) {
            assertThat(copyText(i, FILE)).isEqualTo("hello");
            assertThat(copies.get(i).listxattr(Caller.ROOT, FILE)).isEmpty();
            assertThat(copies.get(i).listxattr(Caller.ROOT, FsPath.ROOT)).isEmpty();
        }
        assertThat(copies.get(0).getattr(Caller.ROOT, FILE).id())
                .isEqualTo(copies.get(2).getattr(Caller.ROOT, FILE).id());
        assertThat(readFile(files, FILE)).isEqualTo("hello");
    }

    @Test
    void anUnlinkedOpenFileIsTruncatedOnEveryCopyThroughItsHandle() throws FsException {
        Replicate files = replicate(2);
        Opened opened = files.create(ALICE, FILE, newId(), 0644, OpenFlags.RDWR);
        files.write(opened.handle(), 0, bytes("abcdef"));
        files.unlink(ALICE, FILE);
        Attr truncated = files.fsetattr(opened.handle(), SetAttr.truncate(2));
        assertThat(truncated.sizeBytes()).isEqualTo(2);
        assertThat(files.fsetattr(opened.handle(), SetAttr.chmod(0600)).permissions())
                .isEqualTo(0600);
        assertThat(new String(files.read(opened.handle(), 0, 100), StandardCharsets.UTF_8))
                .isEqualTo("ab");
        for (FaultyFileOps copy : faulty) {
            assertThat(copy.calls("fsetattr")).as(copy.toString()).isEqualTo(2);
        }
        files.release(opened.handle());
        assertThat(copies.get(0).openFiles() + copies.get(1).openFiles()).isZero();
    }

    @Test
    void aCopyKnownDownIsBlamedBeforeTheWriteReachesTheOthers() throws FsException {
        Replicate files = replicate(3);
        writeFile(files, FILE, "one");
        faulty.get(2).state(State.DOWN);
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        AtomicReference<String> seenAtWrite = new AtomicReference<>();
        faulty.get(0).observer((child, event, file, offset, length) -> {
            if (event == FaultyFileOps.Event.WRITE) {
                try {
                    seenAtWrite.set(pending(0, FILE, 2).toString());
                } catch (FsException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        files.write(opened.handle(), 0, bytes("two"));
        assertThat(seenAtWrite.get()).isEqualTo(new PendingCounters(1, 0, 0).toString());
        files.write(opened.handle(), 3, bytes("!"));
        files.release(opened.handle());
        for (int survivor : new int[]{0, 1}) {
            assertThat(pending(survivor, FILE, 2)).isEqualTo(new PendingCounters(2, 0, 0));
            assertThat(version(survivor, FILE)).isEqualTo(new FileVersion(2, 0));
        }
        assertThat(copyText(2, FILE)).isEqualTo("one");
        faulty.get(2).state(State.UP);
        clock.advanceMillis(2_000);
        Replicate preferStale = new Replicate(List.copyOf(faulty), ReplicateOptions.DEFAULTS
                .withReadChildPreferred(2), Runnable::run, clock, recorder);
        assertThat(readFile(preferStale, FILE)).isEqualTo("two!");
        assertThat(preferStale.getattr(ALICE, FILE).sizeBytes()).isEqualTo(4);
        assertThat(faulty.get(2).calls("read")).isZero();
    }

    @Test
    void aCopyThatFailsMidWriteIsBlamedBeforeSuccessIsReturned() throws FsException {
        Replicate files = replicate(3, ReplicateOptions.DEFAULTS.withReadChildPreferred(1),
                Runnable::run);
        writeFile(files, FILE, "aaaa");
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        faulty.get(1).state(State.FULL);
        assertThat(files.write(opened.handle(), 0, bytes("bbbbbbbb"))).isEqualTo(8);
        assertThat(pending(0, FILE, 1).data()).isEqualTo(1);
        assertThat(pending(2, FILE, 1).data()).isEqualTo(1);
        assertThat(new String(files.read(opened.handle(), 0, 100), StandardCharsets.UTF_8))
                .isEqualTo("bbbbbbbb");
        assertThat(faulty.get(1).calls("read")).isZero();
        files.release(opened.handle());
        faulty.get(1).state(State.UP);
        assertThat(readFile(files, FILE)).isEqualTo("bbbbbbbb");
        assertThat(files.getattr(ALICE, FILE).sizeBytes()).isEqualTo(8);
    }

    @Test
    void replicaThreeWithoutAMajorityRefusesWritesAndReads() throws FsException {
        Replicate files = replicate(3);
        writeFile(files, FILE, "kept");
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        faulty.get(1).state(State.DOWN);
        faulty.get(2).state(State.DOWN);
        assertThatThrownBy(() -> files.getattr(ALICE, FILE)).hasMessageContaining("ENOTCONN");
        int writesBefore = faulty.get(0).calls("write");
        assertThatThrownBy(() -> files.write(opened.handle(), 0, bytes("lost")))
                .hasMessageContaining("EROFS");
        assertThat(faulty.get(0).calls("write")).as("refused before sending")
                .isEqualTo(writesBefore);
        assertThat(copyText(0, FILE)).isEqualTo("kept");
        assertThatThrownBy(() -> files.mkdir(ALICE, FsPath.parse("/d"), newId(), 0755))
                .hasMessageContaining("ENOTCONN");
    }

    @Test
    void aWriteOnlyOneCopyOfThreeTookIsNotAcknowledgedAndStaysUnseen() throws FsException {
        Replicate files = replicaThreeHoldingOld();
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        faulty.get(1).state(State.FULL);
        writeRefusedForSpace(files, opened, 2, "new!");
        assertThat(copyText(0, FILE)).isEqualTo("new!");
        assertThat(pending(0, FILE, 0).data()).as("the taker blames itself").isEqualTo(1);
        assertThat(new String(files.read(opened.handle(), 0, 100), StandardCharsets.UTF_8))
                .isEqualTo("old!");
        files.release(opened.handle());
        faulty.get(1).state(State.UP);
        faulty.get(2).state(State.UP);
        assertThat(readFile(files, FILE)).isEqualTo("old!");
    }

    @Test
    void replicaTwoWritesAloneOnlyAfterTheTieBreakerRecordedTheOther() throws FsException {
        Replicate files = replicate(2);
        writeFile(files, FILE, "both");
        faulty.get(1).state(State.DOWN);
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        files.write(opened.handle(), 0, bytes("only"));
        files.write(opened.handle(), 0, bytes("ONLY"));
        assertThat(recorder.stale()).isEqualTo(ChildSet.of(1));
        assertThat(recorder.recordCalls()).as("asked once while the copy stays down")
                .isEqualTo(1);
        clock.advanceMillis(StaleRecorder.TRUSTED_MS);
        files.write(opened.handle(), 0, bytes("ONLY"));
        assertThat(recorder.recordCalls()).as("asked again once what it learnt may be old:"
                + " self-heal may have taken the record back meanwhile").isEqualTo(2);
        assertThat(pending(0, FILE, 1).data()).isEqualTo(3);
        files.release(opened.handle());

        faulty.get(0).state(State.DOWN);
        faulty.get(1).state(State.UP);
        clock.advanceMillis(2_000);
        assertThatThrownBy(() -> files.getattr(ALICE, FILE)).as("the stale copy alone")
                .hasMessageContaining("ENOTCONN");
        assertThatThrownBy(() -> files.setattr(ALICE, FILE, SetAttr.chmod(0600)))
                .hasMessageContaining("ENOTCONN");
        assertThat(copies.get(1).getattr(Caller.ROOT, FILE).permissions()).isEqualTo(0644);

        faulty.get(0).state(State.UP);
        clock.advanceMillis(2_000);
        assertThat(readFile(files, FILE)).isEqualTo("ONLY");
    }

    @Test
    void replicaTwoRefusesAWriteAloneWhenTheTieBreakerSaysNo() throws FsException {
        Replicate files = replicate(2);
        writeFile(files, FILE, "both");
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        faulty.get(1).state(State.DOWN);
        files.getattr(ALICE, FILE); // notices that copy 1 is down
        recorder.reachable(false);
        int writesBefore = faulty.get(0).calls("write");
        assertThatThrownBy(() -> files.write(opened.handle(), 0, bytes("solo")))
                .hasMessageContaining("EROFS");
        assertThat(faulty.get(0).calls("write")).as("refused before sending")
                .isEqualTo(writesBefore);
        assertThat(copyText(0, FILE)).isEqualTo("both");
        assertThat(copies.get(0).listxattr(Caller.ROOT, FILE)).isEmpty();
    }

    @Test
    void replicaTwoKeepsReadsOffAWriteTheTieBreakerRefusedAfterTheFact() throws FsException {
        Replicate files = replicate(2, ReplicateOptions.DEFAULTS.withReadChildPreferred(0),
                Runnable::run);
        writeFile(files, FILE, "both");
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        recorder.reachable(false);
        faulty.get(1).state(State.FULL);
        assertThatThrownBy(() -> files.write(opened.handle(), 0, bytes("solo")))
                .hasMessageContaining("EROFS");
        assertThat(copyText(0, FILE)).as("taken, not acknowledged").isEqualTo("solo");
        assertThat(pending(0, FILE, 0).data()).as("the taker blames itself").isEqualTo(1);
        assertThat(new String(files.read(opened.handle(), 0, 10), StandardCharsets.UTF_8))
                .isEqualTo("both");
        files.release(opened.handle());
        faulty.get(1).state(State.UP);
        assertThat(readFile(files, FILE)).isEqualTo("both");
    }

    @Test
    void replicaTwoWithoutATieBreakerWritesAlone() throws FsException {
        List<FileOps> children = List.of(new MemoryFileOps(), new FaultyFileOps("c1",
                new MemoryFileOps()));
        Replicate files = new Replicate(children, ReplicateOptions.DEFAULTS, Runnable::run, clock,
                StaleRecorder.NONE);
        writeFile(files, FILE, "both");
        ((FaultyFileOps) children.get(1)).state(State.DOWN);
        writeFile(files, FsPath.parse("/g"), "alone");
        assertThat(readFile(files, FsPath.parse("/g"))).isEqualTo("alone");
    }

    @Test
    void copiesThatBlameEachOtherAreASplitAndReadsFail() throws FsException {
        Replicate files = replicate(2);
        writeFile(files, FILE, "x");
        copies.get(0).setxattr(Caller.ROOT, FILE, PendingCounters.name(1),
                new PendingCounters(1, 0, 0).encode(), 0);
        copies.get(1).setxattr(Caller.ROOT, FILE, PendingCounters.name(0),
                new PendingCounters(1, 0, 0).encode(), 0);
        assertThatThrownBy(() -> files.getattr(ALICE, FILE)).hasMessageContaining("EIO");
        assertThatThrownBy(() -> files.setattr(ALICE, FILE, SetAttr.chmod(0600)))
                .hasMessageContaining("EIO");
    }

    @Test
    void aMissedCreateAndAMissedUnlinkAreSettledByTheParentsMarkers() throws FsException {
        Replicate files = replicate(3, ReplicateOptions.DEFAULTS.withReadChildPreferred(2),
                Runnable::run);
        FsPath gone = FsPath.parse("/gone");
        writeFile(files, gone, "bye");
        faulty.get(2).state(State.DOWN);
        writeFile(files, FILE, "new");
        files.unlink(ALICE, gone);
        for (int survivor : new int[]{0, 1}) {
            assertThat(pending(survivor, FsPath.ROOT, 2)).isEqualTo(new PendingCounters(0, 0, 2));
        }
        faulty.get(2).state(State.UP);
        clock.advanceMillis(2_000);
        assertThat(files.getattr(ALICE, FILE).sizeBytes()).isEqualTo(3);
        assertThat(readFile(files, FILE)).isEqualTo("new");
        assertThatThrownBy(() -> files.getattr(ALICE, gone)).hasMessageContaining("ENOENT");
        assertThat(files.readdir(ALICE, FsPath.ROOT, null, 10).entries())
                .extracting(DirEntry::name).containsExactly("f");
        assertThat(copies.get(2).readdir(Caller.ROOT, FsPath.ROOT, null, 10).entries())
                .extracting(DirEntry::name).containsExactly("gone");
    }

    /**
     * Copy 1 is stale, copy 0 missed the open, and copy 2 alone takes a write that is then
     * refused (copy 1 is full). Copy 0 was blamed before the write was sent; had that blame
     * been taken back with the refusal, copies 0 and 2 would both be fresh and differ, with no
     * mark to tell the heal which to copy (the every-fault simulation's seed 12).
     */
    @Test
    void aRefusedWriteEveryFreshCopySentItTookKeepsTheAwayCopyBlamed() throws FsException {
        Replicate files = replicaThreeHoldingOld();
        faulty.get(1).state(State.DOWN);
        Opened first = files.open(ALICE, FILE, OpenFlags.RDWR);
        files.write(first.handle(), 0, bytes("mid!"));
        files.release(first.handle());
        faulty.get(1).state(State.UP);
        clock.advanceMillis(2_000);
        Opened opened = openMissedBy(files, 0);
        writeRefusedForSpace(files, opened, 1, "new!");
        files.release(opened.handle());
        faulty.get(1).state(State.UP);
        assertThat(copyText(2, FILE)).isEqualTo("new!");
        assertThat(copyText(0, FILE)).isEqualTo("mid!");
        assertThat(pending(2, FILE, 0).data()).as("the taker blames the away copy")
                .isEqualTo(1);
        assertThat(pending(2, FILE, 2).data()).as("and not itself").isZero();
        assertThat(readFile(files, FILE)).as("the write stays visible, from the taker")
                .isEqualTo("new!");
    }

    /**
     * Copy 2 missed the open, copy 0 is full, and copy 1 takes the write but its answer is
     * lost: no copy says it took the write, which is refused. Copy 1 holds it all the same;
     * copy 0, which surely lacks it, blames copy 1, so reads keep to copy 0 and the heal
     * brings copy 1 back to it, rather than leave two fresh copies that differ with no mark
     * (the every-fault simulation's seed 2798).
     */
    @Test
    void aRefusedWriteACopyTookUnsaidLeavesItBlamedByTheCopyWithoutIt() throws FsException {
        Replicate files = replicaThreeHoldingOld();
        Opened opened = openMissedBy(files, 2);
        failEveryChange(1, true);
        writeRefusedForSpace(files, opened, 0, "new!");
        faulty.get(1).flaky(null, 0, false);
        files.release(opened.handle());
        faulty.get(0).state(State.UP);
        assertThat(copyText(1, FILE)).as("the copy whose answer was lost took it")
                .isEqualTo("new!");
        assertThat(pending(0, FILE, 1).data()).as("the copy without it blames it").isEqualTo(1);
        assertThat(pending(0, FILE, 2).data()).as("not the copy that missed the open").isZero();
        assertThat(readFile(files, FILE)).isEqualTo("old!");
    }

    /**
     * Copy 1 missed the open and copy 2 is full: copy 0 alone takes the write, which is
     * refused, and blames itself, as copy 2 is fresh without it; the blame of copy 1 written
     * before the write was sent is taken back.
     */
    @Test
    void aRefusedWriteAFreshCopyMissedLeavesItsTakerBlamedAndTheOthersNot() throws FsException {
        Replicate files = replicaThreeHoldingOld();
        Opened opened = openMissedBy(files, 1);
        writeRefusedForSpace(files, opened, 2, "new!");
        files.release(opened.handle());
        faulty.get(2).state(State.UP);
        assertThat(copyText(0, FILE)).isEqualTo("new!");
        assertThat(pending(0, FILE, 0).data()).as("the taker blames itself").isEqualTo(1);
        assertThat(pending(0, FILE, 1).data()).as("the away copy's blame is taken back")
                .isZero();
        assertThat(readFile(files, FILE)).isEqualTo("old!");
    }

    /** A flaky copy's calls all fail: after taking effect when {@code taken}, before if not. */
    void failEveryChange(int child, boolean taken) {
        faulty.get(child).flaky(new java.util.random.RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return 0;
            }

            @Override
            public boolean nextBoolean() {
                return !taken;
            }
        }, 1.0, false);
    }

    /**
     * Copy 2 missed a write, so only copies 0 and 1 held {@link #FILE} fresh, blaming copy 2.
     * An unlink then reaches copy 0, reaches copy 1 without its answer coming back, and misses
     * copy 2: refused. Taking it back (copy 0 blaming itself) would leave copy 2, which
     * nothing blames any more (the blame went with the removed files), fresh for the folder,
     * and the heal would copy its stale file back to the others, where reads would find it
     * (the every-fault simulation's seed 2551). The unlink stays instead, as a failed
     * unlink(2) may have, and the copies that lack it are blamed.
     */
    @Test
    void aRefusedUnlinkThatTookTheOnlyFreshFilesDoesNotBringBackAStaleOne()
            throws FsException {
        Replicate files = replicate(3, ReplicateOptions.DEFAULTS.withReadChildPreferred(2),
                Runnable::run);
        writeFile(files, FILE, "old!");
        Opened opened = openMissedBy(files, 2);
        files.write(opened.handle(), 0, bytes("new!"));
        files.release(opened.handle());
        clock.advanceMillis(2_000);
        failEveryChange(1, true);
        failEveryChange(2, false);
        assertThatThrownBy(() -> files.unlink(ALICE, FILE)).isInstanceOf(FsException.class);
        faulty.get(1).flaky(null, 0, false);
        faulty.get(2).flaky(null, 0, false);
        clock.advanceMillis(2_000);
        assertThat(copyText(2, FILE)).as("the stale copy still holds the name").isEqualTo("old!");
        assertThatThrownBy(() -> readFile(files, FILE)).as("the stale data is not served")
                .hasMessageContaining("ENOENT");
        assertThat(pending(0, FsPath.ROOT, 2).entry()).as("the taker blames the stale copy")
                .isEqualTo(1);
        assertThat(pending(0, FsPath.ROOT, 0).entry()).as("and not itself").isZero();
    }

    @Test
    void aCopyDownAtOpenGetsNoHandleAndIsBlamedForEveryWrite() throws FsException {
        Replicate files = replicate(3);
        writeFile(files, FILE, "");
        faulty.get(0).state(State.DOWN);
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        faulty.get(0).state(State.UP);
        clock.advanceMillis(2_000);
        int writesBefore = faulty.get(0).calls("write");
        for (int i = 0; i < 5; i++) {
            files.write(opened.handle(), i, bytes("z"));
        }
        assertThat(faulty.get(0).calls("write")).isEqualTo(writesBefore);
        assertThat(pending(1, FILE, 0).data()).isEqualTo(5);
        assertThat(pending(2, FILE, 0).data()).isEqualTo(5);
        files.fsync(opened.handle(), false);
        assertThat(faulty.get(0).calls("fsync")).isZero();
        assertThat(faulty.get(1).calls("fsync")).isEqualTo(1);
        files.release(opened.handle());
        assertThat(readFile(files, FILE)).isEqualTo("zzzzz");
    }

    @Test
    void aCopyThatRestartedLosesItsHandlesAndReadsMoveOn() throws FsException {
        Replicate files = replicate(2, ReplicateOptions.DEFAULTS.withReadChildPreferred(0),
                Runnable::run);
        writeFile(files, FILE, "data");
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDONLY);
        faulty.get(0).state(State.DOWN);
        faulty.get(0).state(State.UP);
        assertThat(new String(files.read(opened.handle(), 0, 10), StandardCharsets.UTF_8))
                .isEqualTo("data");
        assertThat(faulty.get(1).calls("read")).isEqualTo(1);
        files.release(opened.handle());
    }

    @Test
    void aCopyPastTheDeadlineIsBlamedAndTheWriteGoesOn() throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Replicate files = replicate(3, ReplicateOptions.DEFAULTS.withDeadlineMs(200),
                    executor);
            writeFile(files, FILE, "1234");
            Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
            faulty.get(2).slowMs(1_200);
            long started = System.nanoTime();
            files.write(opened.handle(), 0, bytes("abcd"));
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
            assertThat(pending(0, FILE, 2).data()).isEqualTo(1);
            faulty.get(2).slowMs(0);
            assertThat(new String(files.read(opened.handle(), 0, 10), StandardCharsets.UTF_8))
                    .isEqualTo("abcd");
        }
    }

    @Test
    void openFilesAreBounded() throws FsException {
        Replicate files = replicate(2, ReplicateOptions.DEFAULTS.withHandlesOpenMax(1),
                Runnable::run);
        Opened first = files.create(ALICE, FILE, newId(), 0644, OpenFlags.RDWR);
        assertThatThrownBy(() -> files.create(ALICE, FsPath.parse("/g"), newId(), 0644,
                OpenFlags.RDWR)).hasMessageContaining("ENFILE");
        files.release(first.handle());
        assertThatThrownBy(() -> files.read(first.handle(), 0, 1)).hasMessageContaining("EBADF");
    }

    @Test
    void truncateRenameAndXattrsAreReplicated() throws FsException {
        Replicate files = replicate(3);
        writeFile(files, FILE, "0123456789");
        Attr truncated = files.setattr(ALICE, FILE, SetAttr.truncate(4));
        assertThat(truncated.sizeBytes()).isEqualTo(4);
        files.setxattr(ALICE, FILE, "user.colour", bytes("blue"), 0);
        FsPath moved = FsPath.parse("/moved");
        files.rename(ALICE, FILE, moved, 0);
        for (MemoryFileOps copy : copies) {
            assertThat(copy.getattr(Caller.ROOT, moved).sizeBytes()).isEqualTo(4);
            assertThat(copy.getxattr(Caller.ROOT, moved, "user.colour")).isEqualTo(bytes("blue"));
        }
        Opened opened = files.open(ALICE, moved, OpenFlags.RDWR | OpenFlags.TRUNC);
        assertThat(opened.attr().sizeBytes()).isZero();
        files.release(opened.handle());
        assertThat(copies.get(1).getattr(Caller.ROOT, moved).sizeBytes()).isZero();
        assertThat(files.statfs(ALICE, FsPath.ROOT).blocks())
                .isEqualTo(copies.getFirst().statfs(ALICE, FsPath.ROOT).blocks());
    }

    @Test
    void aRenamedOpenFileKeepsGettingItsMarkers() throws FsException {
        Replicate files = replicate(3);
        writeFile(files, FILE, "abc");
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        FsPath moved = FsPath.parse("/moved");
        files.rename(ALICE, FILE, moved, 0);
        faulty.get(1).state(State.DOWN);
        files.write(opened.handle(), 0, bytes("xyz"));
        assertThat(pending(0, moved, 1).data()).isEqualTo(1);
        files.release(opened.handle());
    }

    @Test
    void aCopyHoldingAnotherFileUnderTheNameDoesNotTakeTheRename() throws FsException {
        Replicate files = replicate(3);
        FsPath old = FsPath.parse("/old");
        writeFile(files, old, "stale");
        faulty.get(2).state(State.DOWN);
        files.unlink(ALICE, old);
        writeFile(files, old, "fresh");
        faulty.get(2).state(State.UP);
        clock.advanceMillis(2_000);
        FsPath moved = FsPath.parse("/moved");
        files.rename(ALICE, old, moved, 0);
        assertThat(copyText(2, old)).as("copy 2's other file stays put").isEqualTo("stale");
        assertThatThrownBy(() -> copies.get(2).getattr(Caller.ROOT, moved))
                .hasMessageContaining("ENOENT");
        assertThat(pending(0, FsPath.ROOT, 2).entry()).isPositive();
        assertThat(readFile(files, moved)).isEqualTo("fresh");
    }

    @Test
    void onlyCopiesHoldingTheFileCountTowardsTheReadQuorum() throws FsException {
        Replicate files = replicate(3);
        faulty.get(2).state(State.DOWN);
        writeFile(files, FILE, "made on two");
        faulty.get(2).state(State.UP);
        faulty.get(1).state(State.DOWN);
        clock.advanceMillis(2_000);
        assertThatThrownBy(() -> files.getattr(ALICE, FILE)).as("one holder of three")
                .hasMessageContaining("ENOTCONN");
        faulty.get(1).state(State.UP);
        clock.advanceMillis(2_000);
        assertThat(readFile(files, FILE)).isEqualTo("made on two");
    }
}
