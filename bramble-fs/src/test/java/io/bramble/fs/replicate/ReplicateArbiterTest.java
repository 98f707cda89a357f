package io.bramble.fs.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.time.ManualClock;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
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
import org.junit.jupiter.api.Test;

/** Replica 3 whose copy 2 is an arbiter: it takes every change but no data, and votes. */
class ReplicateArbiterTest {
    private static final Caller ALICE = new Caller(1000, 1000, new int[0], 7);
    private static final FsPath FILE = FsPath.parse("/f");
    private static final int ARBITER = 2;

    private final ManualClock clock = new ManualClock();
    private final List<MemoryFileOps> copies = new ArrayList<>();
    private final List<FaultyFileOps> faulty = new ArrayList<>();
    private long nextId = 100;

    private Replicate replicate(ReplicateOptions options) {
        for (int i = 0; i < 3; i++) {
            copies.add(new MemoryFileOps());
            faulty.add(new FaultyFileOps("c" + i, copies.get(i)));
        }
        return new Replicate(List.copyOf(faulty), options.withArbiterChild(ARBITER),
                Runnable::run, clock, StaleRecorder.NONE);
    }

    private Replicate replicate() {
        return replicate(ReplicateOptions.DEFAULTS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void writeFile(FileOps files, String text) throws FsException {
        Opened opened = files.create(ALICE, FILE, FileId.of(new UUID(9, nextId++)), 0644,
                OpenFlags.RDWR);
        try {
            files.write(opened.handle(), 0, bytes(text));
        } finally {
            files.release(opened.handle());
        }
    }

    private void overwrite(FileOps files, String text) throws FsException {
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        try {
            files.write(opened.handle(), 0, bytes(text));
        } finally {
            files.release(opened.handle());
        }
    }

    private String readFile(FileOps files) throws FsException {
        Opened opened = files.open(ALICE, FILE, OpenFlags.RDONLY);
        try {
            return new String(files.read(opened.handle(), 0, 1 << 16), StandardCharsets.UTF_8);
        } finally {
            files.release(opened.handle());
        }
    }

    private long copySize(int child) throws FsException {
        return copies.get(child).getattr(Caller.ROOT, FILE).sizeBytes();
    }

    private boolean blames(int holder, int blamed) throws FsException {
        try {
            return !PendingCounters.decode(copies.get(holder).getxattr(Caller.ROOT, FILE,
                    PendingCounters.name(blamed))).equals(PendingCounters.ZERO);
        } catch (FsException e) {
            return false;
        }
    }

    @Test
    void theArbiterTakesEveryChangeButNoBytes() throws FsException {
        Replicate files = replicate();
        writeFile(files, "hello");
        assertThat(copySize(0)).isEqualTo(5);
        assertThat(copySize(1)).isEqualTo(5);
        assertThat(copySize(ARBITER)).isZero();
        assertThat(faulty.get(ARBITER).calls("write")).as("sent, without its bytes").isOne();
        Opened more = files.open(ALICE, FILE, OpenFlags.WRONLY);
        files.write(more.handle(), 5, bytes(" world"));
        files.release(more.handle());
        assertThat(copySize(0)).isEqualTo(11);
        assertThat(copySize(ARBITER)).as("a write past its end leaves it empty").isZero();
        assertThat(copies.get(ARBITER).getattr(Caller.ROOT, FILE).id())
                .isEqualTo(copies.get(0).getattr(Caller.ROOT, FILE).id());

        Opened opened = files.open(ALICE, FILE, OpenFlags.RDWR);
        assertThat(files.fsetattr(opened.handle(), SetAttr.truncate(64)).sizeBytes())
                .isEqualTo(64);
        files.fallocate(opened.handle(), 0, 0, 128);
        assertThat(files.fsetattr(opened.handle(), SetAttr.chmod(0600)).permissions())
                .isEqualTo(0600);
        files.release(opened.handle());
        files.setattr(ALICE, FILE, SetAttr.truncate(32));
        assertThat(copySize(0)).isEqualTo(32);
        assertThat(copySize(ARBITER)).isZero();
        assertThat(faulty.get(ARBITER).calls("fallocate")).isZero();
        assertThat(copies.get(ARBITER).getattr(Caller.ROOT, FILE).permissions())
                .isEqualTo(0600);
        assertThat(files.getattr(ALICE, FILE).sizeBytes()).isEqualTo(32);
    }

    @Test
    void theArbiterNeverAnswersAReadOrASizeEvenWhenPreferred() throws FsException {
        Replicate files = replicate(ReplicateOptions.DEFAULTS.withReadChildPreferred(ARBITER));
        writeFile(files, "data");
        assertThat(readFile(files)).isEqualTo("data");
        assertThat(files.getattr(ALICE, FILE).sizeBytes()).isEqualTo(4);
        assertThat(files.readdir(ALICE, FsPath.ROOT, null, 10).entries()).hasSize(1);
        assertThat(faulty.get(ARBITER).calls("read")).isZero();
        assertThat(faulty.get(ARBITER).calls("readdir")).isZero();
    }

    @Test
    void oneGoodDataCopyAndTheArbiterTakeChangesAndBlameTheOther() throws FsException {
        Replicate files = replicate();
        writeFile(files, "one");
        faulty.get(1).state(State.DOWN);
        overwrite(files, "two");
        assertThat(blames(0, 1)).isTrue();
        assertThat(blames(ARBITER, 1)).isTrue();
        assertThat(readFile(files)).isEqualTo("two");
        faulty.get(1).state(State.UP);
        clock.advanceMillis(2_000);
        assertThat(readFile(files)).as("never the stale copy").isEqualTo("two");
        assertThat(faulty.get(1).calls("read")).isZero();
    }

    @Test
    void theArbiterNeverLetsAStaleDataCopyTakeChangesAlone() throws FsException {
        Replicate files = replicate();
        writeFile(files, "one");
        faulty.get(1).state(State.DOWN);
        overwrite(files, "two");
        faulty.get(0).state(State.DOWN);
        faulty.get(1).state(State.UP);
        clock.advanceMillis(2_000);
        // Copy 1 and the arbiter make a majority, but copy 1 misses "two".
        assertThatThrownBy(() -> overwrite(files, "three")).isInstanceOfSatisfying(
                FsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOTCONN));
        assertThatThrownBy(() -> readFile(files)).isInstanceOf(FsException.class);
        assertThatThrownBy(() -> files.setattr(ALICE, FILE, SetAttr.chmod(0600)))
                .isInstanceOf(FsException.class);
        faulty.get(0).state(State.UP);
        clock.advanceMillis(2_000);
        assertThat(readFile(files)).isEqualTo("two");
        assertThat(copySize(ARBITER)).isZero();
    }

    @Test
    void theArbiterAloneWithOneDataCopyDownIsNoMajorityForAnyone() throws FsException {
        Replicate files = replicate();
        writeFile(files, "one");
        faulty.get(0).state(State.DOWN);
        faulty.get(1).state(State.DOWN);
        assertThatThrownBy(() -> overwrite(files, "two")).isInstanceOf(FsException.class);
        assertThat(copySize(ARBITER)).isZero();
    }
}
