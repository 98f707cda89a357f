package io.bramble.fs.disperse;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A disperse set over in-memory bricks that tests can take down and look into. */
final class DisperseSet {
    static final Caller ALICE = new Caller(1000, 1000, new int[0], 7);

    final int dataCount;
    final int redundancy;
    final List<MemoryFileOps> bricks = new ArrayList<>();
    final List<FaultyFileOps> faulty = new ArrayList<>();
    final Disperse disperse;
    private long nextId = 100;

    DisperseSet(int dataCount, int redundancy) {
        this.dataCount = dataCount;
        this.redundancy = redundancy;
        List<FileOps> children = new ArrayList<>();
        for (int i = 0; i < dataCount + redundancy; i++) {
            MemoryFileOps brick = new MemoryFileOps();
            bricks.add(brick);
            faulty.add(new FaultyFileOps("b" + i, brick));
            children.add(faulty.get(i));
        }
        disperse = new Disperse(children, redundancy, Runnable::run, 1024);
    }

    int size() {
        return dataCount + redundancy;
    }

    FileId newId() {
        return FileId.of(new UUID(7, nextId++));
    }

    void down(int... children) {
        for (int child : children) {
            faulty.get(child).state(State.DOWN);
        }
    }

    void allUp() {
        for (FaultyFileOps child : faulty) {
            child.state(State.UP);
        }
    }

    /** Creates {@code path} holding {@code data}. */
    void writeFile(FsPath path, byte[] data) throws FsException {
        Opened opened = disperse.create(ALICE, path, newId(), 0644, OpenFlags.RDWR
                | OpenFlags.CREAT);
        try {
            disperse.write(opened.handle(), 0, data);
        } finally {
            disperse.release(opened.handle());
        }
    }

    byte[] readFile(FsPath path, int sizeBytes) throws FsException {
        Opened opened = disperse.open(ALICE, path, OpenFlags.RDONLY);
        try {
            return disperse.read(opened.handle(), 0, sizeBytes);
        } finally {
            disperse.release(opened.handle());
        }
    }

    /** The whole fragment file of {@code path} on brick {@code child}, read from the brick. */
    byte[] fragment(int child, FsPath path) throws FsException {
        MemoryFileOps brick = bricks.get(child);
        Opened opened = brick.open(Caller.ROOT, path, OpenFlags.RDONLY);
        try {
            return brick.read(opened.handle(), 0, Integer.MAX_VALUE);
        } finally {
            brick.release(opened.handle());
        }
    }

    FragmentState state(int child, FsPath path) throws FsException {
        return FragmentState.parse(bricks.get(child).getxattr(Caller.ROOT, path,
                FragmentState.XATTR));
    }
}
