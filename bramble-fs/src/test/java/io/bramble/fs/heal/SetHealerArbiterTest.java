package io.bramble.fs.heal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.time.ManualClock;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
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
import io.bramble.fs.replicate.PendingCounters;
import io.bramble.fs.replicate.Quorum;
import io.bramble.fs.replicate.Replicate;
import io.bramble.fs.replicate.ReplicateOptions;
import io.bramble.fs.replicate.StaleRecorder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Heal of a replica-3 set whose copy 2 is the arbiter: never a data source or sink. */
class SetHealerArbiterTest {
    private static final Caller ALICE = new Caller(1000, 1000, new int[0], 7);
    private static final FsPath FILE = FsPath.parse("/f");
    private static final int ARBITER = 2;

    private final List<MemoryFileOps> copies = new ArrayList<>();
    private final List<FaultyFileOps> faulty = new ArrayList<>();
    private final HealProgress progress = new HealProgress();
    private Replicate files;

    SetHealerArbiterTest() {
        for (int i = 0; i < 3; i++) {
            copies.add(new MemoryFileOps());
            faulty.add(new FaultyFileOps("c" + i, copies.get(i)));
        }
        files = new Replicate(List.copyOf(faulty), ReplicateOptions.DEFAULTS.withArbiterChild(
                ARBITER), Runnable::run, new ManualClock(), StaleRecorder.NONE);
    }

    private SetHealer healer() {
        return healer(ReplicateOptions.DEFAULTS.quorum());
    }

    private SetHealer healer(Quorum quorum) {
        return new SetHealer(List.copyOf(faulty), -1, progress, FavoriteChildPolicy.NONE,
                SplitBrainListener.NONE, ARBITER, quorum);
    }

    private void write(String text) throws FsException {
        Opened opened;
        try {
            opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        } catch (FsException e) {
            opened = files.create(ALICE, FILE, FileId.of(new UUID(9, 1)), 0644,
                    OpenFlags.RDWR);
        }
        files.write(opened.handle(), 0, text.getBytes(StandardCharsets.UTF_8));
        files.release(opened.handle());
    }

    /** Copy {@code blamer}'s marks on the file blame copy {@code blamed} for one write. */
    private void blame(int blamer, int blamed) throws FsException {
        copies.get(blamer).setxattr(Caller.ROOT, FILE, PendingCounters.name(blamed),
                new PendingCounters(1, 0, 0).encode(), 0);
    }

    private String text(int copy) throws FsException {
        FileOps ops = copies.get(copy);
        Opened opened = ops.open(Caller.ROOT, FILE, OpenFlags.RDONLY);
        try {
            return new String(ops.read(opened.handle(), 0, 1 << 16), StandardCharsets.UTF_8);
        } finally {
            ops.release(opened.handle());
        }
    }

    private void down(int copy) {
        faulty.get(copy).state(State.DOWN);
        files.childDown(copy);
    }

    private void up(int copy) {
        faulty.get(copy).state(State.UP);
        files.childUp(copy);
    }

    private boolean marked(int copy, FsPath path) throws FsException {
        for (String name : copies.get(copy).listxattr(Caller.ROOT, path)) {
            if (name.startsWith(PendingCounters.PREFIX) && !PendingCounters.decode(copies.get(
                    copy).getxattr(Caller.ROOT, path, name)).isZero()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anArbiterThatMissedACreateGetsTheNameAndAttributesButNoData() throws FsException {
        down(ARBITER);
        write("hello");
        files.setxattr(ALICE, FILE, "user.colour", "green".getBytes(StandardCharsets.UTF_8),
                0);
        files.setattr(ALICE, FILE, SetAttr.chmod(0600));
        up(ARBITER);

        assertThat(healer().heal(FsPath.ROOT)).isEqualTo(HealOutcome.HEALED);

        Attr arbiter = copies.get(ARBITER).getattr(Caller.ROOT, FILE);
        Attr data = copies.get(0).getattr(Caller.ROOT, FILE);
        assertThat(arbiter.id()).isEqualTo(data.id());
        assertThat(arbiter.permissions()).isEqualTo(0600);
        assertThat(arbiter.sizeBytes()).isZero();
        assertThat(copies.get(ARBITER).getxattr(Caller.ROOT, FILE, "user.colour"))
                .isEqualTo("green".getBytes(StandardCharsets.UTF_8));
        assertThat(faulty.get(ARBITER).calls("write")).isZero();
        assertThat(progress.bytesCopied()).isZero();
        assertThat(marked(0, FILE) || marked(0, FsPath.ROOT)).isFalse();
        assertThat(healer().heal(FILE)).isEqualTo(HealOutcome.CLEAN);
    }

    @Test
    void aDataCopyIsHealedFromTheOtherDataCopyNeverFromTheArbiter() throws FsException {
        write("one");
        down(1);
        write("two");
        up(1);
        int arbiterReads = faulty.get(ARBITER).calls("read");

        assertThat(healer().heal(FILE)).isEqualTo(HealOutcome.HEALED);

        assertThat(text(1)).isEqualTo("two");
        assertThat(copies.get(ARBITER).getattr(Caller.ROOT, FILE).sizeBytes()).isZero();
        assertThat(faulty.get(ARBITER).calls("read")).isEqualTo(arbiterReads);
        assertThat(marked(0, FILE) || marked(ARBITER, FILE)).isFalse();
    }

    @Test
    void whenOnlyTheArbiterIsFreshTheStaleCopyWaitsForTheDataCopy() throws FsException {
        write("one");
        down(1);
        write("two");
        faulty.get(0).state(State.DOWN);
        faulty.get(1).state(State.UP);

        assertThat(healer().heal(FILE)).isEqualTo(HealOutcome.WAITING);

        assertThat(text(1)).isEqualTo("one");
        assertThat(marked(ARBITER, FILE)).isTrue();
        faulty.get(0).state(State.UP);
        assertThat(healer().heal(FILE)).isEqualTo(HealOutcome.HEALED);
        assertThat(text(1)).isEqualTo("two");
    }

    /**
     * Copy 1 takes a write that is refused while copy 0, the fresh copy with data, lacks it
     * (copy 0 full, the arbiter away): copy 1 blames itself. Then copy 0's file is lost and
     * made again, empty, by its folder's heal, marked on copy 1 against it. Only the arbiter
     * is fresh, and it holds no data; copy 1 holds every acknowledged write and the refused
     * one, so copy 0 is healed from it and every mark goes.
     */
    @Test
    void aDataCopyOnlyItselfBlamesIsTheSourceWhenOnlyTheArbiterIsFresh() throws FsException {
        write("one");
        faulty.get(0).state(State.FULL);
        down(ARBITER);
        assertThatThrownBy(() -> write("two")).isInstanceOf(FsException.class);
        faulty.get(0).state(State.UP);
        up(ARBITER);
        assertThat(text(1)).isEqualTo("two");
        assertThat(copies.get(1).listxattr(Caller.ROOT, FILE)).contains(PendingCounters.name(1));
        copies.get(0).unlink(Caller.ROOT, FILE);
        EntryHeal.makeOne(copies.get(1), copies.get(0), 0, FILE, copies.get(1).getattr(
                Caller.ROOT, FILE));

        assertThat(healer().heal(FILE)).isEqualTo(HealOutcome.HEALED);

        assertThat(text(0)).isEqualTo("two");
        assertThat(copies.get(ARBITER).getattr(Caller.ROOT, FILE).sizeBytes()).isZero();
        for (int copy = 0; copy < 3; copy++) {
            assertThat(marked(copy, FILE)).as("copy %d", copy).isFalse();
        }
    }

    @Test
    void aUserCannotSettleASplitBrainFromTheArbiter() throws FsException {
        write("both");
        blame(0, 1);
        blame(1, 0);
        blame(0, ARBITER);
        blame(ARBITER, 1);
        blame(ARBITER, 0); // each data copy blamed by two: either may lack an acknowledged change

        SplitBrainResolution refused = healer().resolve(FILE, SplitBrainChoice.sourceBrick(
                ARBITER));

        assertThat(refused.result()).isEqualTo(SplitBrainResolution.Result.REFUSED);
        assertThat(healer().resolve(FILE, SplitBrainChoice.sourceBrick(1)).result())
                .isEqualTo(SplitBrainResolution.Result.HEALED);
        assertThat(text(0)).isEqualTo("both");
        assertThat(copies.get(ARBITER).getattr(Caller.ROOT, FILE).sizeBytes()).isZero();
    }

    @Test
    void underQuorumNoneDataCopiesBlamingEachOtherAreASplitBrainThoughTheArbiterBlamesNone()
            throws FsException {
        write("both");
        blame(0, 1);
        blame(1, 0);

        SetHealer healer = healer(Quorum.NONE);
        assertThat(healer.inSplitBrain(FILE)).isTrue();
        assertThat(healer.heal(FILE)).isEqualTo(HealOutcome.SPLIT_BRAIN);
        assertThat(healer.resolve(FILE, SplitBrainChoice.sourceBrick(0)).result())
                .isEqualTo(SplitBrainResolution.Result.HEALED);
        assertThat(healer.inSplitBrain(FILE)).isFalse();
        assertThat(marked(0, FILE) || marked(1, FILE)).isFalse();
    }

    /**
     * Under quorum auto, a data copy and the arbiter that blame neither each other nor
     * themselves meet every pair of takers: the data copy holds every acknowledged change, and
     * the other data copy is healed from it (the first such pair, copy 0 and the arbiter).
     */
    @Test
    void aDataCopyAndTheArbiterThatAgreeHealTheOtherDataCopy() throws FsException {
        write("both");
        blame(0, 1);
        blame(1, 0);
        Opened opened = copies.get(1).open(Caller.ROOT, FILE, OpenFlags.RDWR);
        copies.get(1).write(opened.handle(), 0, "BO".getBytes(StandardCharsets.UTF_8));
        copies.get(1).release(opened.handle());

        assertThat(healer().inSplitBrain(FILE)).isFalse();
        assertThat(healer().heal(FILE)).isEqualTo(HealOutcome.HEALED);
        assertThat(text(1)).isEqualTo("both");
        for (int copy = 0; copy < 3; copy++) {
            assertThat(marked(copy, FILE)).as("copy %d", copy).isFalse();
        }
        assertThat(copies.get(ARBITER).getattr(Caller.ROOT, FILE).sizeBytes()).isZero();
    }
}
