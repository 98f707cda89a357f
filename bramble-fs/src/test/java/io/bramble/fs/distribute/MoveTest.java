package io.bramble.fs.distribute;

import static io.bramble.fs.distribute.DistributeTest.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FaultyFileOps;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MemoryFileOps;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A move copies a file of several chunks whole, and one that fails half-way leaves the source
 * whole and closed, so a later move of the same file succeeds.
 */
class MoveTest {
    private final MemoryFileOps source = new MemoryFileOps();
    private final MemoryFileOps target = new MemoryFileOps();

    private byte[] put(FsPath file, int sizeBytes) throws FsException {
        byte[] data = new byte[sizeBytes];
        new SplittableRandom(sizeBytes).nextBytes(data);
        Opened opened = source.create(Caller.ROOT, file, FileId.of(new UUID(3, sizeBytes)), 0640,
                OpenFlags.RDWR);
        source.write(opened.handle(), 0, data);
        source.release(opened.handle());
        return data;
    }

    private Move move(FileOps to, FsPath file) {
        return new Move(source, "vol-client-0", to, "vol-client-1", file, step -> step.run());
    }

    private static byte[] read(FileOps ops, FsPath file) throws FsException {
        Opened opened = ops.open(Caller.ROOT, file, OpenFlags.RDONLY);
        try {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] chunk;
            do {
                chunk = ops.read(opened.handle(), all.size(), Move.CHUNK_BYTES);
                all.writeBytes(chunk);
            } while (chunk.length > 0);
            return all.toByteArray();
        } finally {
            ops.release(opened.handle());
        }
    }

    @Test
    void filesOfSeveralChunksMoveByteForByte() throws FsException {
        for (int size : new int[]{0, 4096, Move.CHUNK_BYTES, 2 * Move.CHUNK_BYTES,
                3 * Move.CHUNK_BYTES + 12_345}) {
            FsPath file = path("/f" + size);
            byte[] data = put(file, size);
            assertThat(move(target, file).run()).as("%d bytes", size)
                    .isEqualTo(Move.Outcome.MOVED);
            assertThat(read(target, file)).as("%d bytes", size).isEqualTo(data);
            assertThat(Pointer.looksLike(source.getattr(Caller.ROOT, file))).isTrue();
        }
    }

    @Test
    void aMoveThatFailsHalfWayLeavesTheSourceClosedAndWhole() throws FsException {
        FsPath file = path("/f");
        byte[] data = put(file, 4 * Move.CHUNK_BYTES + 7);
        FaultyFileOps to = new FaultyFileOps("vol-client-1", target);
        to.beforeEachCall(() -> {
            if (to.calls("write") == 2) {
                to.state(FaultyFileOps.State.DOWN);
            }
        });
        assertThatThrownBy(() -> move(to, file).run()).isInstanceOfSatisfying(FsException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOTCONN));
        assertThat(read(source, file)).isEqualTo(data);

        to.beforeEachCall(() -> {
        });
        to.state(FaultyFileOps.State.UP);
        assertThat(move(to, file).run()).as("the source sealed: no handle left open on it")
                .isEqualTo(Move.Outcome.MOVED);
        assertThat(read(target, file)).isEqualTo(data);
    }
}
