package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.Attributes;
import io.bramble.fs.fuse.FuseReply.Entry;
import io.bramble.fs.ops.Attr;

/**
 * How long the kernel may trust what it is told: a resolved name ({@code entryNs}) and
 * attributes ({@code attrNs}). Short, because other clients change the volume too.
 */
record CacheTimeouts(long entryNs, long attrNs) {
    static CacheTimeouts of(FuseOptions options) {
        return new CacheTimeouts(options.entryTimeout().toNanos(),
                options.attrTimeout().toNanos());
    }

    Entry entry(long nodeId, Attr attr) {
        return new Entry(nodeId, NodeTable.GENERATION, entryNs, attrNs, attr);
    }

    Attributes attributes(Attr attr) {
        return new Attributes(attrNs, attr);
    }
}
