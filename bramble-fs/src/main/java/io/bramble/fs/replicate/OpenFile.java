package io.bramble.fs.replicate;

import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFileTable;

/**
 * What this client knows of a file while it is open: the blame read from its copies at open
 * plus every blame its own changes recorded since, and a path to write markers at. Shared by
 * all handles of the file, so a write through one handle keeps reads through another away
 * from the copy that missed it.
 */
final class OpenFile implements BlameSink, OpenFileTable.Named {
    final FileId id;
    private FsPath path;
    private BlameMatrix blame;

    OpenFile(FileId id, FsPath path, BlameMatrix blame) {
        this.id = id;
        this.path = path;
        this.blame = blame;
    }

    synchronized BlameMatrix blame() {
        return blame;
    }

    @Override
    public synchronized void blamed(int blamer, ChildSet blamed) {
        blame = blame.with(blamer, blamed);
    }

    synchronized void learned(BlameMatrix more) {
        blame = blame.union(more);
    }

    /** Where to write its markers; null once the name is gone (the markers live in memory). */
    @Override
    public synchronized FsPath path() {
        return path;
    }

    @Override
    public synchronized void path(FsPath newPath) {
        path = newPath;
    }
}
