package io.bramble.fs.brick.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MemoryFileOps;
import io.bramble.fs.ops.OpenFlags;
import org.junit.jupiter.api.Test;

class DispatchTest {
    private final MemoryFileOps brick = new MemoryFileOps();
    private final SessionHandles mine = new SessionHandles();
    private final SessionHandles theirs = new SessionHandles();

    @Test
    void aConnectionUsesOnlyTheHandlesItOpened() {
        Reply created = Dispatch.run(brick, mine, Caller.ROOT, new Call.Create(FsPath.parse(
                "/f"), new FileId(1, 1), 0100644, OpenFlags.RDWR | OpenFlags.CREAT));
        long handle = ((Reply.Handle) created).opened().handle();
        assertThat(Dispatch.run(brick, theirs, Caller.ROOT, new Call.Write(handle, 0,
                new byte[3]))).isEqualTo(new Reply.Failed(Errno.EBADF));
        assertThat(Dispatch.run(brick, mine, Caller.ROOT, new Call.Write(handle, 0,
                new byte[3]))).isEqualTo(new Reply.Number(3));
        assertThat(Dispatch.run(brick, mine, Caller.ROOT, new Call.Release(handle)))
                .isEqualTo(Reply.DONE);
        assertThat(mine.drain()).isEmpty();
        assertThat(Dispatch.run(brick, mine, Caller.ROOT, new Call.Flush(handle))).isEqualTo(
                new Reply.Failed(Errno.EBADF));
    }

    @Test
    void failuresBecomeTheirErrnoAndOversizedReadsAreRefused() {
        assertThat(Dispatch.run(brick, mine, Caller.ROOT, new Call.Getattr(FsPath.parse(
                "/nothing")))).isEqualTo(new Reply.Failed(Errno.ENOENT));
        long handle = ((Reply.Handle) Dispatch.run(brick, mine, Caller.ROOT, new Call.Create(
                FsPath.parse("/g"), new FileId(1, 2), 0100644, OpenFlags.RDWR))).opened()
                .handle();
        assertThat(Dispatch.run(brick, mine, Caller.ROOT, new Call.Read(handle, 0,
                FrameCodec.DATA_BYTES_MAX + 1))).isEqualTo(new Reply.Failed(Errno.EINVAL));
    }
}
