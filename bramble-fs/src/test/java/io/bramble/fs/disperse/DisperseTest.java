package io.bramble.fs.disperse;

import static io.bramble.fs.disperse.DisperseSet.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.StatFs;
import io.bramble.fs.replicate.PendingCounters;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DisperseTest {
    static final FsPath FILE = FsPath.parse("/f");

    static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void fullStripesAreSplitIntoDataFragmentsAndParityWithTheSizeInEveryFragment()
            throws FsException {
        DisperseSet set = new DisperseSet(4, 2);
        int stripe = set.disperse.layout().stripeBytes();
        byte[] data = random(3 * stripe, 1);
        set.writeFile(FILE, data);

        assertThat(set.disperse.getattr(ALICE, FILE).sizeBytes()).isEqualTo(3 * stripe);
        for (int child = 0; child < set.size(); child++) {
            assertThat(set.fragment(child, FILE)).hasSize(3 * StripeLayout.CHUNK_BYTES);
            assertThat(set.state(child, FILE)).isEqualTo(new FragmentState(1, 3 * stripe));
        }
        // Systematic: data fragment j holds chunk j of every stripe as it is.
        for (int s = 0; s < 3; s++) {
            for (int j = 0; j < 4; j++) {
                byte[] chunk = Arrays.copyOfRange(data, s * stripe + j * 512, s * stripe
                        + (j + 1) * 512);
                assertThat(Arrays.copyOfRange(set.fragment(j, FILE), s * 512, (s + 1) * 512))
                        .isEqualTo(chunk);
            }
        }
        assertThat(set.readFile(FILE, 1 << 20)).isEqualTo(data);
    }

    @Test
    void aReadWithEveryDataFragmentUpDecodesNothingAndSkipsParity() throws FsException {
        DisperseSet set = new DisperseSet(4, 2);
        byte[] data = random(10_000, 2);
        set.writeFile(FILE, data);
        assertThat(set.readFile(FILE, 20_000)).isEqualTo(data);
        assertThat(set.faulty.get(4).calls("read") + set.faulty.get(5).calls("read")).isZero();
    }

    @Test
    void readsPastTheEndAreShort() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.writeFile(FILE, random(1500, 3));
        Opened opened = set.disperse.open(ALICE, FILE, OpenFlags.RDONLY);
        assertThat(set.disperse.read(opened.handle(), 1000, 4096)).hasSize(500);
        assertThat(set.disperse.read(opened.handle(), 1500, 10)).isEmpty();
        assertThat(set.disperse.read(opened.handle(), 99_999, 10)).isEmpty();
        set.disperse.release(opened.handle());
    }

    @Test
    void aPartialWriteReadsOnlyTheStripesAtItsEdges() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        int stripe = set.disperse.layout().stripeBytes();
        byte[] model = random(10 * stripe, 4);
        set.writeFile(FILE, model);
        Opened opened = set.disperse.open(ALICE, FILE, OpenFlags.RDWR);
        int readsBefore = set.faulty.get(0).calls("read");
        byte[] patch = random(3 * stripe, 5);
        set.disperse.write(opened.handle(), stripe + 100, patch);
        // Stripes 1 and 4 are read (from the two data fragments); 2 and 3 are replaced whole.
        assertThat(set.faulty.get(0).calls("read") - readsBefore).isEqualTo(2);
        System.arraycopy(patch, 0, model, stripe + 100, patch.length);
        assertThat(set.disperse.read(opened.handle(), 0, 1 << 20)).isEqualTo(model);
        set.disperse.release(opened.handle());
    }

    @Test
    void aWritePastTheEndLeavesZerosInTheGapAndGrowsTheFile() throws FsException {
        DisperseSet set = new DisperseSet(4, 2);
        set.writeFile(FILE, random(700, 6));
        Opened opened = set.disperse.open(ALICE, FILE, OpenFlags.RDWR);
        byte[] tail = random(300, 7);
        set.disperse.write(opened.handle(), 9000, tail);
        byte[] read = set.disperse.read(opened.handle(), 0, 1 << 20);
        assertThat(read).hasSize(9300);
        assertThat(Arrays.copyOfRange(read, 700, 9000)).isEqualTo(new byte[8300]);
        assertThat(Arrays.copyOfRange(read, 9000, 9300)).isEqualTo(tail);
        assertThat(set.fragment(5, FILE)).hasSize((int) set.disperse.layout().fragmentSize(
                9300));
        set.disperse.release(opened.handle());
    }

    @Test
    void truncateShrinksInsideAStripeAndGrowingAgainShowsZeros() throws FsException {
        DisperseSet set = new DisperseSet(4, 2);
        byte[] data = random(5000, 8);
        set.writeFile(FILE, data);
        set.disperse.setattr(ALICE, FILE, SetAttr.truncate(1234));
        assertThat(set.disperse.getattr(ALICE, FILE).sizeBytes()).isEqualTo(1234);
        assertThat(set.fragment(0, FILE)).hasSize(512);
        set.disperse.setattr(ALICE, FILE, SetAttr.truncate(6000));
        byte[] expected = Arrays.copyOf(Arrays.copyOf(data, 1234), 6000);
        assertThat(set.readFile(FILE, 1 << 20)).isEqualTo(expected);
        // The parity agrees: the same bytes with every parity fragment in use.
        set.down(0, 1);
        assertThat(set.readFile(FILE, 1 << 20)).isEqualTo(expected);
    }

    @Test
    void ftruncateAndOpenWithTruncWork() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.writeFile(FILE, random(3000, 9));
        Opened opened = set.disperse.open(ALICE, FILE, OpenFlags.RDWR);
        assertThat(set.disperse.fsetattr(opened.handle(), SetAttr.truncate(10)).sizeBytes())
                .isEqualTo(10);
        set.disperse.release(opened.handle());
        Opened truncated = set.disperse.open(ALICE, FILE, OpenFlags.WRONLY | OpenFlags.TRUNC);
        assertThat(truncated.attr().sizeBytes()).isZero();
        set.disperse.release(truncated.handle());
        assertThat(set.readFile(FILE, 100)).isEmpty();
    }

    @Test
    void withRedundancyManyChildrenDownReadsDecodeTheMissingDataFragments()
            throws FsException {
        DisperseSet set = new DisperseSet(4, 2);
        byte[] data = random(20_000, 10);
        set.writeFile(FILE, data);
        set.down(1, 3);
        assertThat(set.readFile(FILE, 1 << 20)).isEqualTo(data);
        assertThat(set.faulty.get(4).calls("read")).isPositive();
    }

    @Test
    void withRedundancyManyChildrenDownEveryOperationStillWorks() throws FsException {
        DisperseSet set = new DisperseSet(4, 2);
        set.down(0, 5);
        byte[] data = random(7000, 11);
        set.disperse.mkdir(ALICE, FsPath.parse("/d"), set.newId(), 0755);
        FsPath file = FsPath.parse("/d/f");
        set.writeFile(file, data);
        Opened opened = set.disperse.open(ALICE, file, OpenFlags.RDWR);
        set.disperse.write(opened.handle(), 3000, new byte[]{1, 2, 3});
        data[3000] = 1;
        data[3001] = 2;
        data[3002] = 3;
        assertThat(set.disperse.read(opened.handle(), 0, 1 << 20)).isEqualTo(data);
        set.disperse.release(opened.handle());
        set.disperse.rename(ALICE, file, FsPath.parse("/d/g"), 0);
        assertThat(set.disperse.readdir(ALICE, FsPath.parse("/d"), null, 100).entries())
                .extracting(e -> e.name() + ":" + e.attr().sizeBytes())
                .containsExactly("g:7000");
        set.disperse.setxattr(ALICE, FsPath.parse("/d/g"), "user.a", new byte[]{4}, 0);
        assertThat(set.disperse.getxattr(ALICE, FsPath.parse("/d/g"), "user.a"))
                .containsExactly(4);
        set.disperse.unlink(ALICE, FsPath.parse("/d/g"));
        set.disperse.rmdir(ALICE, FsPath.parse("/d"));
    }

    @Test
    void withMoreChildrenDownThanRedundancyChangesAndReadsFailWithEnotconn()
            throws FsException {
        DisperseSet set = new DisperseSet(4, 2);
        byte[] data = random(5000, 12);
        set.writeFile(FILE, data);
        Opened opened = set.disperse.open(ALICE, FILE, OpenFlags.RDWR);
        set.down(0, 2, 4);
        assertThatThrownBy(() -> set.disperse.write(opened.handle(), 0, new byte[10]))
                .isInstanceOf(FsException.class)
                .extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.ENOTCONN);
        assertThatThrownBy(() -> set.disperse.read(opened.handle(), 0, 10))
                .extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.ENOTCONN);
        assertThatThrownBy(() -> set.disperse.mkdir(ALICE, FsPath.parse("/d"), set.newId(),
                0755)).extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.ENOTCONN);
        // Nothing was acknowledged: no fragment moved to a new state.
        for (int child = 0; child < set.size(); child++) {
            assertThat(set.state(child, FILE)).isEqualTo(new FragmentState(1, 5000));
        }
        set.allUp();
        set.disperse.release(opened.handle());
    }

    @Test
    void aChildThatMissedAWriteIsNeverReadUntilHealed() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        byte[] data = random(4000, 13);
        set.writeFile(FILE, data);
        set.down(0);
        Opened opened = set.disperse.open(ALICE, FILE, OpenFlags.RDWR);
        byte[] patch = random(1000, 14);
        set.disperse.write(opened.handle(), 500, patch);
        set.disperse.release(opened.handle());
        System.arraycopy(patch, 0, data, 500, patch.length);
        set.allUp();
        assertThat(set.state(0, FILE).version()).isLessThan(set.state(1, FILE).version());

        int reads = set.faulty.get(0).calls("read");
        assertThat(set.readFile(FILE, 1 << 20)).isEqualTo(data);
        assertThat(set.faulty.get(0).calls("read")).isEqualTo(reads);
        // With the stale child up and another down, fewer than D are in step.
        set.down(1);
        assertThatThrownBy(() -> set.readFile(FILE, 100))
                .extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.EIO);
    }

    @Test
    void healRebuildsAStaleFragmentSoThatAnotherChildCanBeLost() throws FsException {
        DisperseSet set = new DisperseSet(4, 2);
        byte[] data = random(30_000, 15);
        set.writeFile(FILE, data);
        set.down(1, 4);
        Opened opened = set.disperse.open(ALICE, FILE, OpenFlags.RDWR);
        byte[] patch = random(9000, 16);
        set.disperse.write(opened.handle(), 25_000, patch);
        set.disperse.fsetattr(opened.handle(), SetAttr.truncate(33_000));
        set.disperse.release(opened.handle());
        byte[] model = Arrays.copyOf(data, 33_000);
        System.arraycopy(patch, 0, model, 25_000, 8000);
        set.allUp();

        assertThat(set.disperse.healer().heal(FILE).indexes()).containsExactly(1, 4);
        assertThat(set.disperse.healer().heal(FILE).isEmpty()).isTrue();
        for (int child = 0; child < set.size(); child++) {
            assertThat(set.state(child, FILE)).isEqualTo(set.state(0, FILE));
            assertThat(set.fragment(child, FILE)).hasSize(set.fragment(0, FILE).length);
        }
        set.down(0, 2);
        assertThat(set.readFile(FILE, 1 << 20)).isEqualTo(model);
    }

    @Test
    void aHandleOpenWhileAChildRestartsReopensItThere() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.writeFile(FILE, random(3000, 17));
        Opened opened = set.disperse.open(ALICE, FILE, OpenFlags.RDWR);
        set.down(2);
        set.allUp();
        byte[] data = random(2048, 18);
        set.disperse.write(opened.handle(), 0, data);
        set.down(0);
        assertThat(set.disperse.read(opened.handle(), 0, 2048)).isEqualTo(data);
        set.disperse.release(opened.handle());
    }

    @Test
    void aListingShowsTheNamesAtLeastDataCountChildrenHold() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.writeFile(FsPath.parse("/a"), new byte[3]);
        set.writeFile(FsPath.parse("/b"), new byte[5]);
        set.down(2);
        set.disperse.unlink(ALICE, FsPath.parse("/a"));
        set.allUp();
        set.down(1);
        set.writeFile(FsPath.parse("/c"), new byte[7]);
        set.allUp();
        // Child 2 still holds /a, child 1 lacks /c: each is one of three.
        assertThat(set.disperse.readdir(ALICE, FsPath.ROOT, null, 1).entries())
                .extracting(e -> e.name()).containsExactly("b");
        assertThat(set.disperse.readdir(ALICE, FsPath.ROOT, "b", 10).entries())
                .extracting(e -> e.name() + ":" + e.attr().sizeBytes())
                .containsExactly("c:7");
    }

    /** The mark {@code holder} keeps at {@code path} against {@code blamed}; zero when none. */
    static PendingCounters mark(DisperseSet set, int holder, FsPath path, int blamed)
            throws FsException {
        try {
            return PendingCounters.decode(set.bricks.get(holder).getxattr(Caller.ROOT, path,
                    PendingCounters.name(blamed)));
        } catch (FsException e) {
            return PendingCounters.ZERO;
        }
    }

    @Test
    void aMissedWriteIsMarkedOnTheTakersAndHealClearsTheMark() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.writeFile(FILE, random(3000, 19));
        set.down(2);
        Opened opened = set.disperse.open(ALICE, FILE, OpenFlags.RDWR);
        set.disperse.write(opened.handle(), 0, random(100, 20));
        set.disperse.write(opened.handle(), 200, random(100, 21));
        set.disperse.release(opened.handle());
        set.allUp();
        for (int holder = 0; holder < 2; holder++) {
            // Marked once per open file, not once per write.
            assertThat(mark(set, holder, FILE, 2)).isEqualTo(new PendingCounters(1, 0, 0));
        }
        assertThat(mark(set, 2, FILE, 0).isZero()).isTrue();

        assertThat(set.disperse.healer().heal(FILE).indexes()).containsExactly(2);
        for (int holder = 0; holder < 2; holder++) {
            assertThat(mark(set, holder, FILE, 2).isZero()).isTrue();
        }
    }

    @Test
    void healLeavesAMarkThatAlsoCountsAMissedChangeOfAttributes() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.writeFile(FILE, random(3000, 22));
        set.down(1);
        set.disperse.setattr(ALICE, FILE, SetAttr.chmod(0600));
        set.disperse.setattr(ALICE, FILE, SetAttr.truncate(10));
        set.allUp();
        assertThat(mark(set, 0, FILE, 1)).isEqualTo(new PendingCounters(1, 1, 0));
        assertThat(set.disperse.healer().heal(FILE).indexes()).containsExactly(1);
        assertThat(mark(set, 0, FILE, 1)).isEqualTo(new PendingCounters(1, 1, 0));
    }

    @Test
    void attributesComeFromAChildThatNoOtherBlames() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        set.writeFile(FILE, random(10, 23));
        set.down(0);
        set.disperse.setattr(ALICE, FILE, SetAttr.chmod(0600));
        set.allUp();
        assertThat(set.bricks.get(0).getattr(Caller.ROOT, FILE).permissions()).isEqualTo(0644);
        assertThat(set.disperse.getattr(ALICE, FILE).permissions()).isEqualTo(0600);
        assertThat(set.disperse.getattrXattrs(ALICE, FILE, "user.").xattrs()).isEmpty();
    }

    @Test
    void aMissedNameChangeIsMarkedOnTheFolderOfTheTakers() throws FsException {
        DisperseSet set = new DisperseSet(4, 2);
        set.disperse.mkdir(ALICE, FsPath.parse("/d"), set.newId(), 0755);
        set.down(3);
        set.writeFile(FsPath.parse("/d/f"), new byte[1]);
        set.disperse.rename(ALICE, FsPath.parse("/d/f"), FsPath.parse("/g"), 0);
        set.allUp();
        for (int holder : new int[]{0, 1, 2, 4, 5}) {
            assertThat(mark(set, holder, FsPath.parse("/d"), 3)).isEqualTo(
                    new PendingCounters(0, 0, 2));
            assertThat(mark(set, holder, FsPath.ROOT, 3)).isEqualTo(
                    new PendingCounters(0, 0, 1));
        }
        assertThat(mark(set, 0, FsPath.ROOT, 1).isZero()).isTrue();
    }

    @Test
    void statfsReportsDataCountTimesTheBrickWithTheLeastSpace() throws FsException {
        DisperseSet set = new DisperseSet(4, 2);
        for (int child = 0; child < set.size(); child++) {
            set.bricks.get(child).setCapacityBytes(child == 3 ? 1 << 20 : 1 << 30);
        }
        StatFs one = set.bricks.get(3).statfs(Caller.ROOT, FsPath.ROOT);
        StatFs all = set.disperse.statfs(ALICE, FsPath.ROOT);
        assertThat(all.blocksAvailable() * all.blockSizeBytes()).isEqualTo(4L << 20);
        assertThat(all.blocks()).isEqualTo(4 * one.blocks());
    }

    @Test
    void fallocatePunchesZerosGrowsAndKeepsTheSizeAsLinuxDoes() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        byte[] data = random(8192, 30);
        set.writeFile(FILE, data);
        Opened opened = set.disperse.open(ALICE, FILE, OpenFlags.RDWR);
        long h = opened.handle();
        set.disperse.fallocate(h, FragmentAllocate.PUNCH_HOLE | FragmentAllocate.KEEP_SIZE,
                4000, 10_000);
        byte[] model = data.clone();
        java.util.Arrays.fill(model, 4000, 8192, (byte) 0);
        assertThat(set.disperse.read(h, 0, 1 << 20)).isEqualTo(model);
        set.disperse.fallocate(h, FragmentAllocate.ZERO_RANGE, 0, 100);
        java.util.Arrays.fill(model, 0, 100, (byte) 0);
        assertThat(set.disperse.read(h, 0, 1 << 20)).isEqualTo(model);
        set.disperse.fallocate(h, FragmentAllocate.KEEP_SIZE, 8192, 4096);
        assertThat(set.disperse.getattr(ALICE, FILE).sizeBytes()).isEqualTo(8192);
        set.disperse.fallocate(h, 0, 8000, 5000);
        assertThat(set.disperse.getattr(ALICE, FILE).sizeBytes()).isEqualTo(13_000);
        assertThat(set.disperse.read(h, 0, 1 << 20)).isEqualTo(java.util.Arrays.copyOf(model,
                13_000));
        for (int mode : new int[]{FragmentAllocate.PUNCH_HOLE, 0x08, 0x20, 0x40}) {
            assertThatThrownBy(() -> set.disperse.fallocate(h, mode, 0, 10)).extracting(
                    e -> ((FsException) e).errno()).isEqualTo(Errno.EOPNOTSUPP);
        }
        set.disperse.release(h);
        // The parity took the zeros too.
        set.down(0);
        assertThat(set.readFile(FILE, 1 << 20)).isEqualTo(java.util.Arrays.copyOf(model,
                13_000));
    }

    @Test
    void aPunchWhileAChildIsDownLeavesItStaleUntilHealed() throws FsException {
        DisperseSet set = new DisperseSet(2, 1);
        byte[] data = random(5000, 31);
        set.writeFile(FILE, data);
        set.down(1);
        Opened opened = set.disperse.open(ALICE, FILE, OpenFlags.RDWR);
        set.disperse.fallocate(opened.handle(), FragmentAllocate.PUNCH_HOLE
                | FragmentAllocate.KEEP_SIZE, 0, 5000);
        set.disperse.release(opened.handle());
        set.allUp();
        assertThat(set.state(1, FILE)).isNotEqualTo(set.state(0, FILE));
        assertThat(set.disperse.healer().heal(FILE).indexes()).containsExactly(1);
        set.down(2);
        assertThat(set.readFile(FILE, 1 << 20)).isEqualTo(new byte[5000]);
    }
}
