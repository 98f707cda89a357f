package io.bramble.fs.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MemoryFileOps;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.SetAttr;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StripeTest {
    private static final int BLOCK = 16 * 1024;
    private static final FsPath FILE = FsPath.parse("/f");
    private static final FileId FILE_ID = FileId.of(new UUID(2, 2));

    /**
     * Random writes, sparse ones included, and truncates both ways, applied to a stripe and
     * to one plain file: sizes and every byte read agree after each step.
     */
    @Property(tries = 60)
    void readsAndSizesMatchAPlainFile(@ForAll @IntRange(min = 2, max = 5) int childCount,
            @ForAll long seed) throws FsException {
        Random random = new Random(seed);
        List<MemoryFileOps> pieces = memories(childCount);
        Stripe stripe = new Stripe(List.copyOf(pieces), BLOCK);
        MemoryFileOps plain = new MemoryFileOps();
        long stripeHandle = stripe.create(Caller.ROOT, FILE, FILE_ID, 0644, OpenFlags.RDWR)
                .handle();
        long plainHandle = plain.create(Caller.ROOT, FILE, FILE_ID, 0644, OpenFlags.RDWR)
                .handle();
        for (int step = 0; step < 12; step++) {
            if (random.nextInt(5) == 0) {
                SetAttr truncate = SetAttr.truncate(random.nextInt(20 * BLOCK));
                stripe.fsetattr(stripeHandle, truncate);
                plain.fsetattr(plainHandle, truncate);
            } else {
                long offset = random.nextInt(16 * BLOCK);
                byte[] bytes = new byte[1 + random.nextInt(4 * BLOCK)];
                random.nextBytes(bytes);
                assertThat(stripe.write(stripeHandle, offset, bytes)).isEqualTo(bytes.length);
                plain.write(plainHandle, offset, bytes);
            }
            long size = plain.getattr(Caller.ROOT, FILE).sizeBytes();
            assertThat(stripe.getattr(Caller.ROOT, FILE).sizeBytes()).isEqualTo(size);
            int offset = random.nextInt((int) size + 1);
            int length = random.nextInt(5 * BLOCK);
            assertThat(stripe.read(stripeHandle, offset, length))
                    .isEqualTo(plain.read(plainHandle, offset, length));
        }
        assertThat(stripe.read(stripeHandle, 0, 40 * BLOCK))
                .isEqualTo(plain.read(plainHandle, 0, 40 * BLOCK));
    }

    /** Seed 000's file, written in 128 KiB writes as cp does, on a stripe of two. */
    @Test
    void leavesSeedZeroPieceSizes() throws FsException {
        List<MemoryFileOps> pieces = memories(2);
        Stripe stripe = new Stripe(List.copyOf(pieces), 128 * 1024);
        byte[] file = new byte[4_056_224];
        new Random(0).nextBytes(file);
        long handle = stripe.create(Caller.ROOT, FILE, FILE_ID, 0644, OpenFlags.WRONLY)
                .handle();
        for (int at = 0; at < file.length; at += 128 * 1024) {
            int length = Math.min(128 * 1024, file.length - at);
            stripe.write(handle, at, java.util.Arrays.copyOfRange(file, at, at + length));
        }
        stripe.release(handle);
        assertThat(pieces.get(0).getattr(Caller.ROOT, FILE).sizeBytes()).isEqualTo(2_090_144);
        assertThat(pieces.get(1).getattr(Caller.ROOT, FILE).sizeBytes()).isEqualTo(1_966_080);
        assertThat(stripe.getattr(Caller.ROOT, FILE).sizeBytes()).isEqualTo(4_056_224);
        long reading = stripe.open(Caller.ROOT, FILE, OpenFlags.RDONLY).handle();
        assertThat(stripe.read(reading, 0, 8 << 20)).isEqualTo(file);
    }

    @Test
    void truncateSetsEachPieceToItsShare() throws FsException {
        List<MemoryFileOps> pieces = memories(3);
        Stripe stripe = new Stripe(List.copyOf(pieces), BLOCK);
        stripe.create(Caller.ROOT, FILE, FILE_ID, 0644, OpenFlags.RDWR);
        stripe.setattr(Caller.ROOT, FILE, SetAttr.truncate(4 * BLOCK + 10));
        assertThat(pieces.stream().map(p -> size(p, FILE)).toList())
                .containsExactly(2L * BLOCK, BLOCK + 10L, (long) BLOCK);
        stripe.setattr(Caller.ROOT, FILE, SetAttr.truncate(BLOCK / 2));
        assertThat(pieces.stream().map(p -> size(p, FILE)).toList())
                .containsExactly((long) BLOCK / 2, 0L, 0L);
        assertThat(stripe.getattr(Caller.ROOT, FILE).sizeBytes()).isEqualTo(BLOCK / 2);
    }

    /** Names are on every child; listings show the logical size. */
    @Test
    void namesLiveOnEveryChild() throws FsException {
        List<MemoryFileOps> pieces = memories(2);
        Stripe stripe = new Stripe(List.copyOf(pieces), BLOCK);
        FsPath dir = FsPath.parse("/d");
        stripe.mkdir(Caller.ROOT, dir, FileId.of(new UUID(1, 1)), 0755);
        long handle = stripe.create(Caller.ROOT, dir.child("a"), FILE_ID, 0644,
                OpenFlags.RDWR).handle();
        stripe.write(handle, 0, new byte[3 * BLOCK]);
        stripe.release(handle);
        stripe.rename(Caller.ROOT, dir.child("a"), dir.child("b"), 0);
        for (MemoryFileOps piece : pieces) {
            assertThat(piece.readdir(Caller.ROOT, dir, null, 10).entries())
                    .extracting(DirEntry::name).containsExactly("b");
            assertThat(piece.getattr(Caller.ROOT, dir.child("b")).id()).isEqualTo(FILE_ID);
        }
        assertThat(stripe.readdir(Caller.ROOT, dir, null, 10).entries())
                .extracting(e -> e.attr().sizeBytes()).containsExactly(3L * BLOCK);
        stripe.unlink(Caller.ROOT, dir.child("b"));
        for (MemoryFileOps piece : pieces) {
            assertThat(piece.readdir(Caller.ROOT, dir, null, 10).entries()).isEmpty();
        }
    }

    /** A create a later child refuses is taken back on the children that made it. */
    @Test
    void createRefusedByOneChildLeavesNoName() throws FsException {
        List<MemoryFileOps> pieces = memories(3);
        pieces.get(2).create(Caller.ROOT, FILE, FILE_ID, 0644, OpenFlags.RDWR);
        Stripe stripe = new Stripe(List.copyOf(pieces), BLOCK);
        assertThatThrownBy(() -> stripe.create(Caller.ROOT, FILE, FILE_ID, 0644,
                OpenFlags.RDWR | OpenFlags.EXCL)).isInstanceOf(FsException.class);
        for (FileOps piece : pieces.subList(0, 2)) {
            assertThatThrownBy(() -> piece.getattr(Caller.ROOT, FILE))
                    .isInstanceOfSatisfying(FsException.class,
                            e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        }
    }

    /** A file read after its name went: the size comes from its handles. */
    @Test
    void readsAnUnlinkedOpenFileToItsEnd() throws FsException {
        Stripe stripe = new Stripe(List.copyOf(memories(2)), BLOCK);
        long handle = stripe.create(Caller.ROOT, FILE, FILE_ID, 0644, OpenFlags.RDWR)
                .handle();
        stripe.write(handle, 3 * BLOCK, new byte[]{7});
        stripe.unlink(Caller.ROOT, FILE);
        byte[] read = stripe.read(handle, 0, 8 * BLOCK);
        assertThat(read).hasSize(3 * BLOCK + 1);
        assertThat(read[3 * BLOCK]).isEqualTo((byte) 7);
        assertThat(stripe.lseek(handle, 0, 4)).isEqualTo(3L * BLOCK + 1);
    }

    private static long size(MemoryFileOps piece, FsPath path) {
        try {
            return piece.getattr(Caller.ROOT, path).sizeBytes();
        } catch (FsException e) {
            throw new AssertionError(e);
        }
    }

    private static List<MemoryFileOps> memories(int count) {
        List<MemoryFileOps> pieces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pieces.add(new MemoryFileOps());
        }
        return pieces;
    }
}
