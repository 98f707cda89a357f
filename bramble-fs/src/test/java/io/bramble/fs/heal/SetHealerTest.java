package io.bramble.fs.heal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.time.ManualClock;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.FaultyFileOps;
import io.bramble.fs.ops.FaultyFileOps.State;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MemoryFileOps;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.replicate.PendingCounters;
import io.bramble.fs.replicate.Replicate;
import io.bramble.fs.replicate.Quorum;
import io.bramble.fs.replicate.ReplicateOptions;
import io.bramble.fs.replicate.MemoryStaleRecorder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SetHealerTest {
    static final Caller ALICE = new Caller(1000, 1000, new int[0], 7);

    final List<MemoryFileOps> copies = new ArrayList<>();
    final List<FaultyFileOps> faulty = new ArrayList<>();
    final HealProgress progress = new HealProgress();
    long nextId = 100;

    Replicate replicate(int count) {
        List<FileOps> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MemoryFileOps copy = new MemoryFileOps();
            copies.add(copy);
            faulty.add(new FaultyFileOps("c" + i, copy));
            children.add(faulty.get(i));
        }
        return new Replicate(children, ReplicateOptions.DEFAULTS, Runnable::run,
                new ManualClock(), new MemoryStaleRecorder());
    }

    SetHealer healer(int local) {
        return new SetHealer(List.copyOf(faulty), local, progress);
    }

    FileId newId() {
        return FileId.of(new UUID(9, nextId++));
    }

    void write(FileOps files, FsPath path, long offset, byte[] data) throws FsException {
        Opened opened;
        try {
            opened = files.open(ALICE, path, OpenFlags.RDWR);
        } catch (FsException e) {
            opened = files.create(ALICE, path, newId(), 0644, OpenFlags.RDWR);
        }
        files.write(opened.handle(), offset, data);
        files.release(opened.handle());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Everything a copy holds under {@code dir}: types, ids, modes, owners, data, xattrs. */
    static Map<String, String> tree(FileOps copy, FsPath dir) throws FsException {
        Map<String, String> all = new TreeMap<>();
        for (var entry : copy.readdir(Caller.ROOT, dir, null, 10_000).entries()) {
            FsPath path = dir.child(entry.name());
            Attr a = copy.getattr(Caller.ROOT, path);
            StringBuilder text = new StringBuilder(a.id() + " " + Integer.toOctalString(a.mode())
                    + " " + a.uid() + ":" + a.gid() + " " + a.sizeBytes() + " " + a.mtimeNs());
            if (FileType.of(a.mode()) == FileType.REGULAR) {
                Opened o = copy.open(Caller.ROOT, path, OpenFlags.RDONLY);
                text.append(" ").append(Arrays.hashCode(copy.read(o.handle(), 0, 1 << 20)));
                copy.release(o.handle());
            }
            for (String name : copy.listxattr(Caller.ROOT, path)) {
                if (!name.startsWith(PendingCounters.PREFIX)) {
                    text.append(" ").append(name).append("=").append(Arrays.toString(copy
                            .getxattr(Caller.ROOT, path, name)));
                }
            }
            all.put(path.toString(), text.toString());
            if (FileType.of(a.mode()) == FileType.DIRECTORY) {
                all.putAll(tree(copy, path));
            }
        }
        return all;
    }

    /**
     * At the heal's first write to copy {@code sink}, an application writes {@code text} at
     * offset 0 of {@code f} on copy {@code other} alone; the count of writes the sink saw.
     */
    int[] writeWhenCopied(int sink, int other, FsPath f, String text) {
        int[] writes = {0};
        faulty.get(sink).observer((child, event, file, offset, length) -> {
            if (event == FaultyFileOps.Event.WRITE && writes[0]++ == 0) {
                try {
                    Opened o = copies.get(other).open(ALICE, f, OpenFlags.RDWR);
                    copies.get(other).write(o.handle(), 0, bytes(text));
                    copies.get(other).release(o.handle());
                } catch (FsException e) {
                    throw new AssertionError(e);
                }
            }
        });
        return writes;
    }

    /**
     * A set of {@code count} copies where {@code f} holds "one" on every copy, then "two" on
     * all but copy {@code missing}, which is left down.
     */
    Replicate missedWrite(int count, int missing, FsPath f) throws FsException {
        Replicate files = replicate(count);
        write(files, f, 0, bytes("one"));
        down(files, missing);
        write(files, f, 0, bytes("two"));
        return files;
    }

    /** Copy {@code copy} goes down, and the client sees it go. */
    void down(Replicate files, int copy) {
        faulty.get(copy).state(State.DOWN);
        files.childDown(copy);
    }

    /** Copy {@code copy} comes back, and the client sees it come. */
    void up(Replicate files, int copy) {
        faulty.get(copy).state(State.UP);
        files.childUp(copy);
    }

    static String read(FileOps files, FsPath path) throws FsException {
        Opened opened = files.open(ALICE, path, OpenFlags.RDONLY);
        try {
            return new String(files.read(opened.handle(), 0, 1 << 16), StandardCharsets.UTF_8);
        } finally {
            files.release(opened.handle());
        }
    }

    boolean marked(int copy, FsPath path) throws FsException {
        for (String name : copies.get(copy).listxattr(Caller.ROOT, path)) {
            if (name.startsWith(PendingCounters.PREFIX) && !PendingCounters.decode(copies.get(copy)
                    .getxattr(Caller.ROOT, path, name)).isZero()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aCopyThatMissedWritesGetsTheDataAndLosesItsMarks() throws FsException {
        Replicate files = replicate(2);
        FsPath f = FsPath.parse("/f");
        write(files, f, 0, bytes("before"));
        down(files, 1);
        byte[] big = new byte[3 * DataCopy.RANGE_BYTES + 17];
        new java.util.Random(1).nextBytes(big);
        Arrays.fill(big, DataCopy.RANGE_BYTES, 2 * DataCopy.RANGE_BYTES, (byte) 0);
        write(files, f, 0, big);
        files.setxattr(ALICE, f, "user.colour", bytes("green"), 0);
        files.setattr(ALICE, f, SetAttr.chmod(0600));
        up(files, 1);
        assertThat(marked(0, f)).isTrue();

        assertThat(healer(0).heal(f)).isEqualTo(HealOutcome.HEALED);

        assertThat(tree(copies.get(1), FsPath.ROOT)).isEqualTo(tree(copies.get(0), FsPath.ROOT));
        assertThat(marked(0, f)).isFalse();
        assertThat(healer(0).heal(f)).isEqualTo(HealOutcome.CLEAN);
        assertThat(progress.bytesCopied()).isEqualTo(big.length);
    }

    /**
     * Copies 1 and 2 each missed a write that copy 0 took, and copy 2's disk is full: the heal
     * makes copy 1 whole and clears copy 0's mark against it, while copy 2 stays blamed, by
     * copy 0 and now by copy 1 too, to be healed once it has room (its own marks stay until
     * then: copy 0 blames nobody, so it is the source). Before, the full copy failed the whole
     * heal, and copy 0's mark against copy 1 stayed behind copy 1's new data: a later write that copy 0 missed would have left the two blaming each other.
     */
    @Test
    void aFullCopyIsLeftForLaterWhileTheOthersAreHealed() throws FsException {
        Replicate files = replicate(3);
        FsPath f = FsPath.parse("/f");
        write(files, f, 0, bytes("one"));
        down(files, 1);
        write(files, f, 0, bytes("two"));
        up(files, 1);
        down(files, 2);
        write(files, f, 0, bytes("three"));
        up(files, 2);
        faulty.get(2).state(State.FULL);

        assertThat(healer(0).heal(f)).isEqualTo(HealOutcome.WAITING);

        assertThat(data(1, f)).isEqualTo("three");
        assertThat(data(2, f)).isEqualTo("two");
        assertThat(blames(0, f, 1)).isFalse();
        assertThat(blames(0, f, 2)).isTrue();
        assertThat(blames(1, f, 2)).isTrue();
        assertThat(blames(2, f, 1)).as("the full copy's own marks stay").isTrue();

        faulty.get(2).state(State.UP);
        assertThat(healer(0).heal(f)).isEqualTo(HealOutcome.HEALED);
        for (int copy = 0; copy < 3; copy++) {
            assertThat(data(copy, f)).as("copy %d", copy).isEqualTo("three");
            assertThat(marked(copy, f)).as("copy %d", copy).isFalse();
        }
    }

    /** Copy {@code copy}'s marks blame copy {@code other} for one missed write to {@code path}. */
    void blame(int copy, FsPath path, int other) throws FsException {
        copies.get(copy).setxattr(Caller.ROOT, path, PendingCounters.name(other),
                new PendingCounters(1, 0, 0).encode(), 0);
    }

    boolean blames(int copy, FsPath path, int other) throws FsException {
        String name = PendingCounters.name(other);
        return copies.get(copy).listxattr(Caller.ROOT, path).contains(name) && !PendingCounters
                .decode(copies.get(copy).getxattr(Caller.ROOT, path, name)).isZero();
    }

    /**
     * Copy 0 took a write copy 2 missed, was away while copy 2 was healed, took a write copy
     * 1 missed, and was away while copy 1 was healed and copies 1 and 2 took another write:
     * back, it still blames both, and both blame it, so no copy is fresh. Copies 1 and 2 agree and are two of three, so reads
     * go to them and the heal makes copy 0 whole from them, taking its old blame away.
     */
    @Test
    void aCopyBackWithBlameHealedMeanwhileIsHealedFromTheTwoThatAgree() throws FsException {
        Replicate files = replicate(3);
        FsPath f = FsPath.parse("/f");
        SetHealer healer = new SetHealer(List.copyOf(faulty), -1, progress, 1,
                FavoriteChildPolicy.NONE, SplitBrainListener.NONE, -1, Quorum.AUTO);
        write(files, f, 0, bytes("one"));
        down(files, 2);
        write(files, f, 0, bytes("two"));
        down(files, 0);
        up(files, 2);
        assertThat(healer.heal(f)).isEqualTo(HealOutcome.HEALED);
        up(files, 0);
        down(files, 1);
        write(files, f, 0, bytes("333"));
        up(files, 1);
        down(files, 0);
        assertThat(healer.heal(f)).isEqualTo(HealOutcome.HEALED);
        write(files, f, 0, bytes("six"));
        up(files, 0);
        assertThat(marked(0, f)).isTrue();
        assertThat(marked(1, f) && marked(2, f)).isTrue();
        assertThat(read(files, f)).isEqualTo("six");
        // Under quorum none, one copy may have taken an acknowledged change alone.
        assertThat(new SetHealer(List.copyOf(faulty), -1, progress, 1, FavoriteChildPolicy.NONE,
                SplitBrainListener.NONE, -1, Quorum.NONE).inSplitBrain(f)).isTrue();

        assertThat(healer.inSplitBrain(f)).isFalse();
        assertThat(healer.heal(f)).isEqualTo(HealOutcome.HEALED);

        assertThat(tree(copies.get(0), FsPath.ROOT)).isEqualTo(tree(copies.get(1), FsPath.ROOT));
        for (int copy = 0; copy < 3; copy++) {
            assertThat(marked(copy, f)).as("copy %d", copy).isFalse();
        }
        assertThat(healer.heal(f)).isEqualTo(HealOutcome.CLEAN);
    }

    /**
     * A rename refused for want of a quorum that copy 1 took with no mark (its disk full, its
     * answer lost), while copy 0 holds the file's later data under the old name: the heal
     * moves copy 1's file back to the name, rather than make a second file of the same id
     * beside it, and copies the data into it.
     */
    @Test
    void aFileTheSinkHoldsUnderAnotherNameIsMovedToTheSourcesName() throws FsException {
        Replicate files = replicate(2);
        files.mkdir(ALICE, FsPath.parse("/d"), newId(), 0755);
        FsPath a = FsPath.parse("/d/a");
        write(files, a, 0, bytes("first"));
        down(files, 1);
        write(files, a, 0, bytes("second"));
        up(files, 1);
        copies.get(1).rename(Caller.ROOT, a, FsPath.parse("/d/b"), 0);

        assertThat(healer(0).heal(a)).isEqualTo(HealOutcome.HEALED);

        // The folder's own times are the rename's on copy 1: its names are what counts here.
        assertThat(tree(copies.get(1), FsPath.parse("/d")))
                .isEqualTo(tree(copies.get(0), FsPath.parse("/d"))).containsOnlyKeys("/d/a");
        assertThat(marked(0, a)).isFalse();
    }

    @Test
    void namesMadeAndRemovedWhileACopyWasDownAreMadeAndRemovedOnIt() throws FsException {
        Replicate files = replicate(2);
        files.mkdir(ALICE, FsPath.parse("/d"), newId(), 0755);
        write(files, FsPath.parse("/d/gone"), 0, bytes("x"));
        files.mkdir(ALICE, FsPath.parse("/d/olddir"), newId(), 0755);
        write(files, FsPath.parse("/d/olddir/inner"), 0, bytes("y"));
        down(files, 1);
        files.unlink(ALICE, FsPath.parse("/d/gone"));
        files.unlink(ALICE, FsPath.parse("/d/olddir/inner"));
        files.rmdir(ALICE, FsPath.parse("/d/olddir"));
        files.mkdir(ALICE, FsPath.parse("/d/new"), newId(), 0700);
        write(files, FsPath.parse("/d/new/file"), 0, bytes("fresh data"));
        files.symlink(ALICE, FsPath.parse("/d/link"), newId(), "new/file");
        up(files, 1);

        assertThat(healer(0).heal(FsPath.parse("/d"))).isEqualTo(HealOutcome.HEALED);

        assertThat(tree(copies.get(1), FsPath.ROOT)).isEqualTo(tree(copies.get(0), FsPath.ROOT));
        assertThat(marked(0, FsPath.parse("/d"))).isFalse();
        assertThat(marked(0, FsPath.parse("/d/new"))).isFalse();
        assertThat(marked(0, FsPath.parse("/d/new/file"))).isFalse();
    }

    @Test
    void aWriteThatLandsWhileTheFileIsCopiedMakesTheHealCopyItAgain() throws FsException {
        FsPath f = FsPath.parse("/f");
        Replicate files = missedWrite(2, 1, f);
        up(files, 1);
        // an application's write reaches the source alone while the sink is copied
        int[] writes = writeWhenCopied(1, 0, f, "six");

        assertThat(healer(0).heal(f)).isEqualTo(HealOutcome.HEALED);

        assertThat(writes[0]).isGreaterThan(1);
        assertThat(tree(copies.get(1), FsPath.ROOT)).isEqualTo(tree(copies.get(0), FsPath.ROOT));
    }

    @Test
    void theClearIsRefusedWhenTheStampMoved() throws FsException {
        MemoryFileOps copy = new MemoryFileOps();
        FsPath f = FsPath.parse("/f");
        Opened o = copy.create(ALICE, f, newId(), 0644, OpenFlags.RDWR);
        copy.setxattr(Caller.ROOT, f, PendingCounters.name(1), new PendingCounters(1, 0, 0)
                .encode(), 0);
        byte[] stamp = copy.getxattr(Caller.ROOT, f, ChangeStamps.STAMP);
        copy.write(o.handle(), 0, bytes("late"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> copy.setxattr(Caller.ROOT, f,
                ChangeStamps.CLEAR_IF_UNCHANGED, ChangeStamps.clearRequest(stamp, 1), 0))
                .isInstanceOf(FsException.class);
        copy.setxattr(Caller.ROOT, f, ChangeStamps.CLEAR_IF_UNCHANGED, ChangeStamps.clearRequest(
                ChangeStamps.raised(stamp, 1), 1), 0);
        assertThat(copy.listxattr(Caller.ROOT, f)).doesNotContain(PendingCounters.name(1));
    }

    /**
     * Three copies, each blamed by another, as a seed of the simulation left them: copy 1
     * kept a mark against copy 0 from before copy 0 was healed while copy 1 was away; then
     * copy 2 missed a write that copies 0 and 1 took, and copy 1 one that copies 0 and 2
     * took (each blamed by the two that took it). Copy 0 is blamed by one copy only, fewer
     * than the two that take an acknowledged change: it holds every acknowledged change and
     * is the source. With a copy away the count is unknown, and the file is left as it is.
     */
    @Test
    void aCopyBlamedByFewerThanAQuorumOfTakersIsTheSourceWhenNoneIsFresh() throws FsException {
        replicate(3);
        FsPath f = FsPath.parse("/f");
        SetHealer healer = new SetHealer(List.copyOf(faulty), -1, progress, 1,
                FavoriteChildPolicy.NONE, SplitBrainListener.NONE, -1, Quorum.AUTO);
        int[][] blames = {{1, 2}, {0, 2}, {1}};
        for (int i = 0; i < 3; i++) {
            Opened o = copies.get(i).create(ALICE, f, FileId.of(new UUID(1, 1)), 0644,
                    OpenFlags.RDWR);
            copies.get(i).write(o.handle(), 0, bytes("side " + i));
            copies.get(i).release(o.handle());
            for (int other : blames[i]) {
                blame(i, f, other);
            }
        }
        faulty.get(2).state(State.DOWN);
        assertThat(healer.heal(f)).isNotEqualTo(HealOutcome.HEALED);
        assertThat(data(1, f)).isEqualTo("side 1");
        faulty.get(2).state(State.UP);
        // Under quorum none, one copy may have taken an acknowledged change alone.
        assertThat(new SetHealer(List.copyOf(faulty), -1, progress, 1, FavoriteChildPolicy.NONE,
                SplitBrainListener.NONE, -1, Quorum.NONE).inSplitBrain(f)).isTrue();
        assertThat(healer.inSplitBrain(f)).isFalse();

        assertThat(healer.heal(f)).isEqualTo(HealOutcome.HEALED);

        for (int copy = 0; copy < 3; copy++) {
            assertThat(data(copy, f)).as("copy %d", copy).isEqualTo("side 0");
            assertThat(marked(copy, f)).as("copy %d", copy).isFalse();
        }
        // Blamed by two, copy 0 may have missed an acknowledged change: a split-brain.
        for (int i = 1; i < 3; i++) {
            blame(i, f, 0);
            blame(0, f, i);
        }
        blame(1, f, 2);
        blame(2, f, 1);
        assertThat(healer.heal(f)).isEqualTo(HealOutcome.SPLIT_BRAIN);
    }

    @Test
    void copiesThatBlameEachOtherAreSplitBrainAndLeftAlone() throws FsException {
        replicate(2);
        FsPath f = FsPath.parse("/f");
        for (int i = 0; i < 2; i++) {
            Opened o = copies.get(i).create(ALICE, f, FileId.of(new UUID(1, 1)), 0644,
                    OpenFlags.RDWR);
            copies.get(i).write(o.handle(), 0, bytes("side " + i));
            copies.get(i).setxattr(Caller.ROOT, f, PendingCounters.name(1 - i),
                    new PendingCounters(1, 0, 0).encode(), 0);
        }

        assertThat(healer(-1).heal(f)).isEqualTo(HealOutcome.SPLIT_BRAIN);
        assertThat(marked(0, f)).isTrue();
        assertThat(marked(1, f)).isTrue();
    }

    /**
     * A folder every copy blames on another (each took entry changes the others missed, some
     * of them refused) is not left in split-brain when three copies hold it: each name goes to
     * what most copies hold, and a file made on a copy gets its data through the usual heal.
     */
    @Test
    void aFolderInSplitBrainOnThreeCopiesTakesTheNamesMostCopiesHold() throws FsException {
        replicate(3);
        FileId both = FileId.of(new UUID(2, 1));
        FileId lone = FileId.of(new UUID(2, 2));
        for (int i = 0; i < 2; i++) {
            Opened o = copies.get(i).create(ALICE, FsPath.parse("/both"), both, 0644,
                    OpenFlags.RDWR);
            copies.get(i).write(o.handle(), 0, bytes("on two copies"));
            copies.get(i).release(o.handle());
        }
        copies.get(2).release(copies.get(2).create(ALICE, FsPath.parse("/lone"), lone, 0644,
                OpenFlags.RDWR).handle());
        for (int i = 0; i < 3; i++) {
            copies.get(i).setxattr(Caller.ROOT, FsPath.ROOT, PendingCounters.name((i + 1) % 3),
                    new PendingCounters(0, 0, 1).encode(), 0);
        }
        assertThat(healer(-1).inSplitBrain(FsPath.ROOT)).isTrue();

        assertThat(healer(1).heal(FsPath.ROOT)).isEqualTo(HealOutcome.NOT_MINE);
        assertThat(healer(0).heal(FsPath.ROOT)).isEqualTo(HealOutcome.HEALED);
        assertThat(healer(-1).heal(FsPath.parse("/both"))).isEqualTo(HealOutcome.HEALED);

        for (int i = 0; i < 3; i++) {
            assertThat(tree(copies.get(i), FsPath.ROOT)).as("copy %d", i)
                    .isEqualTo(tree(copies.get(0), FsPath.ROOT));
            assertThat(marked(i, FsPath.ROOT)).isFalse();
        }
        assertThat(data(2, FsPath.parse("/both"))).isEqualTo("on two copies");
        assertThat(tree(copies.get(0), FsPath.ROOT)).doesNotContainKey("/lone");
    }

    /**
     * A lookup that meets a folder in split-brain with every copy up settles it at once, as
     * the heal would, so that the folder lists (rather than failing with EIO until the heal
     * worker comes by); without the repair, the listing fails.
     */
    @Test
    void aLookupSettlesAFolderInSplitBrainOnThreeCopiesAtOnce() throws FsException {
        Replicate plain = replicate(3);
        FsPath dir = FsPath.parse("/d");
        plain.mkdir(ALICE, dir, FileId.of(new UUID(4, 0)), 0755);
        FileId both = FileId.of(new UUID(4, 1));
        for (int i = 0; i < 2; i++) {
            copies.get(i).release(copies.get(i).create(ALICE, dir.child("both"), both, 0644,
                    OpenFlags.RDWR).handle());
        }
        copies.get(2).release(copies.get(2).create(ALICE, dir.child("lone"), FileId.of(
                new UUID(4, 2)), 0644, OpenFlags.RDWR).handle());
        for (int i = 0; i < 3; i++) {
            copies.get(i).setxattr(Caller.ROOT, dir, PendingCounters.name((i + 1) % 3),
                    new PendingCounters(0, 0, 1).encode(), 0);
        }
        assertThatThrownBy(() -> plain.readdir(ALICE, dir, null, 10))
                .hasMessageContaining("EIO");

        Replicate repairing = new Replicate(List.copyOf(faulty), ReplicateOptions.DEFAULTS,
                Runnable::run, new ManualClock(), new MemoryStaleRecorder(),
                healer(-1)::mergeFolderInSplit);
        assertThat(repairing.readdir(ALICE, dir, null, 10).entries())
                .extracting(DirEntry::name).containsExactly("both");
        for (int i = 0; i < 3; i++) {
            assertThat(marked(i, dir)).as("copy %d", i).isFalse();
            assertThat(tree(copies.get(i), dir).keySet()).containsExactly("/d/both");
        }
    }

    /**
     * An entry change in a folder in split-brain with every copy up settles the folder first,
     * as a lookup does: it needs a fresh copy of the folder, which the settling makes.
     */
    @Test
    void aCreateInAFolderInSplitBrainSettlesItFirst() throws FsException {
        Replicate plain = replicate(3);
        FsPath dir = FsPath.parse("/d");
        plain.mkdir(ALICE, dir, FileId.of(new UUID(6, 0)), 0755);
        copies.get(2).release(copies.get(2).create(ALICE, dir.child("lone"), FileId.of(
                new UUID(6, 1)), 0644, OpenFlags.RDWR).handle());
        for (int i = 0; i < 3; i++) {
            copies.get(i).setxattr(Caller.ROOT, dir, PendingCounters.name((i + 1) % 3),
                    new PendingCounters(0, 0, 1).encode(), 0);
        }
        assertThatThrownBy(() -> plain.create(ALICE, dir.child("new"), newId(), 0644,
                OpenFlags.RDWR)).isInstanceOf(FsException.class);

        Replicate repairing = new Replicate(List.copyOf(faulty), ReplicateOptions.DEFAULTS,
                Runnable::run, new ManualClock(), new MemoryStaleRecorder(),
                healer(-1)::mergeFolderInSplit);
        repairing.release(repairing.create(ALICE, dir.child("new"), newId(), 0644,
                OpenFlags.RDWR).handle());
        for (int i = 0; i < 3; i++) {
            assertThat(tree(copies.get(i), dir).keySet()).as("copy %d", i)
                    .containsExactly("/d/new");
        }
    }

    @Test
    void aHardLinkMadeWhileACopyWasDownIsMadeALinkToItsFileThere() throws FsException {
        Replicate files = replicate(2);
        FsPath a = FsPath.parse("/a");
        FsPath b = FsPath.parse("/b");
        write(files, a, 0, bytes("one file, two names"));
        down(files, 1);
        files.link(ALICE, a, b);
        write(files, b, 0, bytes("ONE"));
        faulty.get(1).state(State.UP);

        assertThat(healer(0).heal(FsPath.ROOT)).isEqualTo(HealOutcome.HEALED);
        assertThat(healer(0).heal(a)).isIn(HealOutcome.HEALED, HealOutcome.CLEAN);
        assertThat(healer(0).heal(b)).isIn(HealOutcome.HEALED, HealOutcome.CLEAN);

        Attr linked = copies.get(1).getattr(Caller.ROOT, b);
        assertThat(linked.id()).isEqualTo(copies.get(1).getattr(Caller.ROOT, a).id());
        assertThat(linked.nlink()).isEqualTo(2);
        assertThat(data(1, a)).isEqualTo("ONE file, two names");
        assertThat(tree(copies.get(1), FsPath.ROOT)).isEqualTo(tree(copies.get(0), FsPath.ROOT));
        assertThat(marked(0, a) || marked(1, a) || marked(0, FsPath.ROOT)).isFalse();
    }

    @Test
    void aFolderInSplitBrainWhoseNameNoMajorityHoldsIsLeftAlone() throws FsException {
        replicate(3);
        for (int i = 0; i < 3; i++) {
            if (i < 2) {
                copies.get(i).release(copies.get(i).create(ALICE, FsPath.parse("/n"), FileId.of(
                        new UUID(3, i)), 0644, OpenFlags.RDWR).handle());
            }
            copies.get(i).setxattr(Caller.ROOT, FsPath.ROOT, PendingCounters.name((i + 1) % 3),
                    new PendingCounters(0, 0, 1).encode(), 0);
        }

        assertThat(healer(0).heal(FsPath.ROOT)).isEqualTo(HealOutcome.SPLIT_BRAIN);
        assertThat(marked(0, FsPath.ROOT)).isTrue();
    }

    /**
     * Copy 2 takes a truncate that is refused while copy 0, the fresh copy, lacks it: copy 2
     * blames itself. Then copy 0's file is lost (a rename over it that was refused on the
     * folder, whose heal makes the file again, empty, on the copies that lack it, marked on
     * copy 2 against them). No copy is fresh; copy 2 holds every acknowledged write and the
     * refused truncate, and once every copy answers, the others are healed from it and every
     * mark goes. With a copy away, it waits.
     */
    @Test
    void aCopyOnlyItselfBlamesIsTheSourceWhenNoneIsFresh() throws FsException {
        Replicate files = replicate(3);
        FsPath f = FsPath.parse("/f");
        write(files, f, 0, bytes("acknowledged"));
        faulty.get(0).state(State.FULL);
        down(files, 1);
        assertThatThrownBy(() -> files.setattr(ALICE, f, SetAttr.truncate(3)))
                .isInstanceOf(FsException.class);
        faulty.get(0).state(State.UP);
        assertThat(data(2, f)).isEqualTo("ack");
        assertThat(copies.get(2).listxattr(Caller.ROOT, f)).contains(PendingCounters.name(2));
        Attr held = copies.get(2).getattr(Caller.ROOT, f);
        for (int lost = 0; lost < 2; lost++) {
            copies.get(lost).unlink(Caller.ROOT, f);
            EntryHeal.makeOne(copies.get(2), copies.get(lost), lost, f, held);
        }

        assertThat(healer(-1).heal(f)).isNotEqualTo(HealOutcome.HEALED);
        assertThat(marked(2, f)).isTrue();
        up(files, 1);
        assertThat(healer(-1).heal(f)).isEqualTo(HealOutcome.HEALED);

        for (int copy = 0; copy < 3; copy++) {
            assertThat(data(copy, f)).as("copy %d", copy).isEqualTo("ack");
            assertThat(marked(copy, f)).as("copy %d", copy).isFalse();
        }
        assertThat(healer(-1).heal(f)).isEqualTo(HealOutcome.CLEAN);
    }

    /**
     * Copy 0 misses a write that copies 1 and 2 take; copy 1's file is then made anew (as the
     * heal of a folder makes a file whose rename the copy missed), without its mark against
     * copy 0. Healed from copy 2 while copy 0 is away, copy 1 takes copy 2's mark against copy
     * 0 too: when copy 2 is away and copies 0 and 1 answer, the read comes from copy 1, never
     * from copy 0, which missed the write.
     */
    @Test
    void aHealedCopyTakesTheSourcesMarksAgainstCopiesAway() throws FsException {
        FsPath f = FsPath.parse("/f");
        Replicate files = missedWrite(3, 0, f);
        Attr held = copies.get(2).getattr(Caller.ROOT, f);
        copies.get(1).unlink(Caller.ROOT, f);
        EntryHeal.makeOne(copies.get(2), copies.get(1), 1, f, held);

        assertThat(healer(-1).heal(f)).isEqualTo(HealOutcome.HEALED);
        assertThat(data(1, f)).isEqualTo("two");
        assertThat(marked(1, f)).isTrue();
        up(files, 0);
        down(files, 2);

        Opened opened = files.open(ALICE, f, OpenFlags.RDONLY);
        byte[] read = files.read(opened.handle(), 0, 100);
        files.release(opened.handle());
        assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo("two");
    }

    /**
     * Copy 2 missed the last write of {@code /f}, copy 0 the making of {@code /d}; the file is
     * then renamed into {@code /d}, which copy 0 misses too, and copy 1 goes down. Healed in one
     * pass, folders first, the root's heal must not remove copy 0's {@code /f}, whose marks
     * alone say copy 2's data is old, before {@code /d}'s heal moves it to its new name.
     */
    @Test
    void aFileRenamedIntoAFolderTheSinkLacksKeepsItsDataAndMarksThroughTheHeal()
            throws FsException {
        FsPath f = FsPath.parse("/f");
        FsPath d = FsPath.parse("/d");
        FsPath g = FsPath.parse("/d/g");
        Replicate files = missedWrite(3, 2, f);
        up(files, 2);
        down(files, 0);
        files.mkdir(ALICE, d, newId(), 0755);
        up(files, 0);
        files.rename(ALICE, f, g, 0);
        down(files, 1);

        healer(-1).healAll(List.of(FsPath.ROOT, f, d, g));
        up(files, 1);
        healer(-1).healAll(List.of(FsPath.ROOT, d, g));

        for (int copy = 0; copy < 3; copy++) {
            assertThat(data(copy, g)).as("copy " + copy).isEqualTo("two");
            assertThat(marked(copy, g)).isFalse();
        }
    }

    /**
     * A file an application holds open is renamed into a folder one copy lacks (it was away
     * when the folder was made, and came back before the file was opened), so that copy
     * misses the rename. The heal moves that copy's
     * open file into place rather than making it anew and removing the old name: the
     * application's later writes, through its handle, reach the file every copy names.
     */
    @Test
    void aFileHeldOpenIsMovedIntoTheFolderItsCopyMissedSoLaterWritesReachIt()
            throws FsException {
        Replicate files = replicate(3);
        FsPath e = FsPath.parse("/e");
        FsPath f = FsPath.parse("/e/f");
        FsPath d = FsPath.parse("/d");
        FsPath g = FsPath.parse("/d/g");
        files.mkdir(ALICE, e, newId(), 0755);
        write(files, f, 0, bytes("old data"));
        down(files, 1);
        files.mkdir(ALICE, d, newId(), 0755);
        up(files, 1);
        Opened held = files.open(ALICE, f, OpenFlags.RDWR);
        files.rename(ALICE, f, g, 0);
        assertThat(copies.get(1).getattr(Caller.ROOT, f).id())
                .isEqualTo(copies.get(0).getattr(Caller.ROOT, g).id());

        System.err.println("DBG outcomes " + healer(-1).healAll(List.of(FsPath.ROOT, d, e, g))
                + " copy1 " + tree(copies.get(1), FsPath.ROOT) + " d " + tree(copies.get(1), d));
        files.write(held.handle(), 0, bytes("NEW"));
        files.release(held.handle());

        for (int copy = 0; copy < 3; copy++) {
            assertThat(data(copy, g)).as("copy " + copy).isEqualTo("NEW data");
            assertThat(tree(copies.get(copy), e)).as("copy " + copy).isEmpty();
        }
    }

    @Test
    void onlyTheFirstFreshCopysNodeHealsAndASinkThatIsDownWaits() throws FsException {
        FsPath f = FsPath.parse("/f");
        Replicate files = missedWrite(3, 2, f);

        assertThat(healer(1).heal(f)).isEqualTo(HealOutcome.NOT_MINE);
        assertThat(healer(0).heal(f)).isEqualTo(HealOutcome.WAITING);
        faulty.get(2).state(State.UP);
        assertThat(healer(0).heal(f)).isEqualTo(HealOutcome.HEALED);
        assertThat(tree(copies.get(2), FsPath.ROOT)).isEqualTo(tree(copies.get(0), FsPath.ROOT));
        assertThat(marked(0, f) || marked(1, f)).isFalse();
    }

    @Test
    void aFileTheSinkHoldsUnderANameItMissedTheRenameOfIsMovedKeepingItsMarks()
            throws FsException {
        replicate(2);
        FileId id = FileId.of(new UUID(5, 5));
        for (int i = 0; i < 2; i++) {
            Opened o = copies.get(i).create(ALICE, FsPath.parse(i == 0 ? "/new" : "/old"), id,
                    0644, OpenFlags.RDWR);
            copies.get(i).write(o.handle(), 0, bytes("copy " + i));
            copies.get(i).release(o.handle());
        }
        copies.get(0).setxattr(Caller.ROOT, FsPath.ROOT, PendingCounters.name(1),
                new PendingCounters(0, 0, 1).encode(), 0);
        byte[] itsMark = new PendingCounters(1, 0, 0).encode();
        copies.get(1).setxattr(Caller.ROOT, FsPath.parse("/old"), PendingCounters.name(0),
                itsMark, 0);

        assertThat(healer(0).heal(FsPath.ROOT)).isEqualTo(HealOutcome.HEALED);

        assertThat(copies.get(1).getattr(Caller.ROOT, FsPath.parse("/new")).id()).isEqualTo(id);
        assertThat(copies.get(1).getxattr(Caller.ROOT, FsPath.parse("/new"), PendingCounters
                .name(0))).isEqualTo(itsMark);
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> copies.get(1).getattr(Caller.ROOT, FsPath.parse("/old")))
                .isInstanceOf(FsException.class);
        // Both copies blame each other for the file now: it is left to the user or a policy.
        assertThat(healer(0).heal(FsPath.parse("/new"))).isEqualTo(HealOutcome.SPLIT_BRAIN);
    }

    /**
     * {@code /f} on {@code contents.length} copies, one id, each copy holding its own data and
     * blaming every other copy: split-brain. Copy i is written at second {@code 100 + i}.
     */
    FsPath splitBrain(String... contents) throws FsException {
        replicate(contents.length);
        FsPath f = FsPath.parse("/f");
        for (int i = 0; i < contents.length; i++) {
            Opened o = copies.get(i).create(ALICE, f, FileId.of(new UUID(1, 1)), 0644,
                    OpenFlags.RDWR);
            copies.get(i).write(o.handle(), 0, bytes(contents[i]));
            copies.get(i).release(o.handle());
            mtime(i, f, (100 + i) * 1_000_000_000L);
            for (int other = 0; other < contents.length; other++) {
                if (other != i) {
                    copies.get(i).setxattr(Caller.ROOT, f, PendingCounters.name(other),
                            new PendingCounters(1, 0, 0).encode(), 0);
                }
            }
        }
        return f;
    }

    void mtime(int copy, FsPath path, long mtimeNs) throws FsException {
        copies.get(copy).setattr(Caller.ROOT, path, new SetAttr(OptionalInt.empty(), OptionalInt
                .empty(), OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.of(mtimeNs)));
    }

    String data(int copy, FsPath path) throws FsException {
        Opened o = copies.get(copy).open(Caller.ROOT, path, OpenFlags.RDONLY);
        try {
            return new String(copies.get(copy).read(o.handle(), 0, 1 << 20),
                    StandardCharsets.UTF_8);
        } finally {
            copies.get(copy).release(o.handle());
        }
    }

    SetHealer healer(int local, FavoriteChildPolicy policy, List<String> settled) {
        return new SetHealer(List.copyOf(faulty), local, progress, policy,
                (path, source, attrs) -> settled.add(path + " from " + source + " of "
                        + attrs.size()));
    }

    @Test
    void theFavoriteChildPolicyHealsASplitBrainFromTheCopyItChoosesAndClearsEveryMark()
            throws FsException {
        FsPath f = splitBrain("the longer side", "short");
        List<String> settled = new ArrayList<>();

        assertThat(healer(1, FavoriteChildPolicy.SIZE, settled).heal(f)).isEqualTo(
                HealOutcome.NOT_MINE);
        assertThat(healer(0, FavoriteChildPolicy.SIZE, settled).heal(f)).isEqualTo(
                HealOutcome.HEALED);

        assertThat(data(1, f)).isEqualTo("the longer side");
        assertThat(tree(copies.get(1), FsPath.ROOT)).isEqualTo(tree(copies.get(0), FsPath.ROOT));
        assertThat(marked(0, f) || marked(1, f)).isFalse();
        assertThat(settled).containsExactly("/f from 0 of 2");
        assertThat(healer(0, FavoriteChildPolicy.SIZE, settled).heal(f)).isEqualTo(
                HealOutcome.CLEAN);
    }

    @Test
    void theMtimePolicyTakesTheNewestCopyAndMajorityTheOneTwoOfThreeHold() throws FsException {
        FsPath f = splitBrain("old", "new");
        assertThat(healer(-1, FavoriteChildPolicy.MTIME, new ArrayList<>()).heal(f)).isEqualTo(
                HealOutcome.HEALED);
        assertThat(data(0, f)).isEqualTo("new");

        copies.clear();
        faulty.clear();
        f = splitBrain("lone", "pair", "pair");
        // copies 1 and 2 agree on size, but not on mtime: no majority
        assertThat(healer(-1, FavoriteChildPolicy.MAJORITY, new ArrayList<>()).heal(f))
                .isEqualTo(HealOutcome.SPLIT_BRAIN);
        mtime(2, f, 101_500_000_000L);
        assertThat(healer(-1, FavoriteChildPolicy.MAJORITY, new ArrayList<>()).heal(f))
                .isEqualTo(HealOutcome.HEALED);
        assertThat(List.of(data(0, f), data(1, f), data(2, f))).containsOnly("pair");
        assertThat(marked(0, f) || marked(1, f) || marked(2, f)).isFalse();
    }

    @Test
    void aPolicyWaitsForEveryCopyAndNoneLeavesTheSplitBrainAlone() throws FsException {
        FsPath f = splitBrain("a", "bb", "ccc");
        faulty.get(1).state(State.DOWN);
        assertThat(healer(-1, FavoriteChildPolicy.SIZE, new ArrayList<>()).heal(f)).isEqualTo(
                HealOutcome.SPLIT_BRAIN);
        faulty.get(1).state(State.UP);
        assertThat(healer(-1, FavoriteChildPolicy.NONE, new ArrayList<>()).heal(f)).isEqualTo(
                HealOutcome.SPLIT_BRAIN);
        assertThat(healer(2).inSplitBrain(f)).isTrue();
        assertThat(data(0, f)).isEqualTo("a");
        assertThat(marked(0, f) && marked(1, f) && marked(2, f)).isTrue();
    }

    @Test
    void aUserSettlesASplitBrainFromTheCopyTheyName() throws FsException {
        FsPath f = splitBrain("same size A", "same size B");
        SetHealer healer = healer(-1);

        assertThat(healer.resolve(f, SplitBrainChoice.biggerFile())).isEqualTo(
                new SplitBrainResolution(SplitBrainResolution.Result.REFUSED, "No bigger file"));
        assertThat(healer.resolve(FsPath.parse("/nothing"), SplitBrainChoice.biggerFile()))
                .extracting(SplitBrainResolution::result).isEqualTo(
                        SplitBrainResolution.Result.NOT_FOUND);
        faulty.get(0).state(State.DOWN);
        assertThat(healer.resolve(f, SplitBrainChoice.sourceBrick(1))).extracting(
                SplitBrainResolution::result, SplitBrainResolution::why).containsExactly(
                        SplitBrainResolution.Result.COPIES_AWAY, "Failed to obtain replies from"
                                + " all bricks of the replica (are they up?). Cannot resolve"
                                + " split-brain");
        faulty.get(0).state(State.UP);

        assertThat(healer.resolve(f, SplitBrainChoice.sourceBrick(1))).isEqualTo(
                new SplitBrainResolution(SplitBrainResolution.Result.HEALED, ""));
        assertThat(data(0, f)).isEqualTo("same size B");
        assertThat(marked(0, f) || marked(1, f)).isFalse();
        assertThat(healer.inSplitBrain(f)).isFalse();
        assertThat(healer.resolve(f, SplitBrainChoice.latestMtime())).isEqualTo(
                new SplitBrainResolution(SplitBrainResolution.Result.NOT_IN_SPLIT_BRAIN,
                        "File not in split-brain"));
    }

    @Test
    void aFolderInSplitBrainIsNotSettledByARule() throws FsException {
        replicate(2);
        FsPath d = FsPath.parse("/d");
        for (int i = 0; i < 2; i++) {
            copies.get(i).mkdir(ALICE, d, FileId.of(new UUID(2, 2)), 0755);
            copies.get(i).setxattr(Caller.ROOT, d, PendingCounters.name(1 - i),
                    new PendingCounters(0, 0, 1).encode(), 0);
        }

        assertThat(healer(-1).resolve(d, SplitBrainChoice.sourceBrick(0)).result()).isEqualTo(
                SplitBrainResolution.Result.FOLDER);
        assertThat(healer(-1, FavoriteChildPolicy.MTIME, new ArrayList<>()).heal(d)).isEqualTo(
                HealOutcome.SPLIT_BRAIN);
        assertThat(healer(-1).inSplitBrain(d)).isTrue();
    }

    @Test
    void aSettledCopyThatChangesDuringTheCopyIsCopiedAgain() throws FsException {
        FsPath f = splitBrain("left", "right side");
        int[] writes = writeWhenCopied(0, 1, f, "RIGHT");

        assertThat(healer(-1).resolve(f, SplitBrainChoice.biggerFile()).result()).isEqualTo(
                SplitBrainResolution.Result.HEALED);

        assertThat(writes[0]).isGreaterThan(1);
        assertThat(data(0, f)).isEqualTo("RIGHT side");
        assertThat(marked(0, f) || marked(1, f)).isFalse();
    }

    @Test
    void aChosenCopyThatBlamesNobodyIsHealedFromByTheFirstCopyThatDoes() throws FsException {
        FsPath f = splitBrain("a", "bb", "the biggest");
        copies.get(2).removexattr(Caller.ROOT, f, PendingCounters.name(0));
        copies.get(2).removexattr(Caller.ROOT, f, PendingCounters.name(1));
        // copy 2 is in no index: the node of copy 0, whose index lists the file, heals it
        assertThat(healer(2, FavoriteChildPolicy.SIZE, new ArrayList<>()).heal(f)).isEqualTo(
                HealOutcome.NOT_MINE);
        assertThat(healer(0, FavoriteChildPolicy.SIZE, new ArrayList<>()).heal(f)).isEqualTo(
                HealOutcome.HEALED);
        assertThat(List.of(data(0, f), data(1, f))).containsOnly("the biggest");
    }

    @Test
    void whenTheFirstFreshCopyBlamesNobodyTheFirstCopyThatDoesHealsTheFile()
            throws FsException {
        FsPath f = FsPath.parse("/f");
        Replicate files = missedWrite(3, 2, f);
        faulty.get(2).state(State.UP);
        copies.get(0).removexattr(Caller.ROOT, f, PendingCounters.name(2)); // a mark lost

        assertThat(healer(0).heal(f)).isEqualTo(HealOutcome.NOT_MINE);
        assertThat(healer(1).heal(f)).isEqualTo(HealOutcome.HEALED);
        assertThat(tree(copies.get(2), FsPath.ROOT)).isEqualTo(tree(copies.get(0), FsPath.ROOT));
    }
}
