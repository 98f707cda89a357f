package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.Entry;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;

/**
 * What the request handlers of one mount share: the layer they call, the node table, the
 * open directories and files, where new file ids come from and the cache timeouts.
 */
final class MountState {
    final FileOps files;
    final NodeTable nodes;
    final OpenDirectories directories;
    final OpenFilesByNode openFiles = new OpenFilesByNode();
    final NewFileIds fileIds;
    final CacheTimeouts timeouts;
    final boolean writebackCache;
    final int readdirPageEntriesMax;

    MountState(FileOps files, Attr rootAttr, FuseOptions options) {
        this.files = files;
        this.nodes = new NodeTable(rootAttr);
        this.directories = new OpenDirectories(options.openDirectoriesMax());
        this.fileIds = new NewFileIds(options.fileIdRandom());
        this.timeouts = CacheTimeouts.of(options);
        this.writebackCache = options.writebackCache();
        this.readdirPageEntriesMax = options.readdirPageEntriesMax();
    }

    /** Records a lookup of {@code name} in {@code parentId} and makes the reply for it. */
    Entry entry(long parentId, String name, Attr attr) throws FsException {
        return timeouts.entry(nodes.remember(parentId, name, attr), attr);
    }
}
