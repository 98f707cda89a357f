package io.bramble.fs.brick.wire;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.OpenedXattrs;
import io.bramble.fs.ops.StatFs;
import io.bramble.fs.ops.XattrsPage;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a brick answers: a call's result, or the errno it failed with. */
public sealed interface Reply {
    /** Success with nothing to return (and the answer to an attach). */
    record Done() implements Reply {}

    record Attrs(Attr attr) implements Reply {}

    record AttrsXattrs(AttrXattrs read) implements Reply {}

    record Handle(Opened opened) implements Reply {}

    record HandleXattrs(OpenedXattrs read) implements Reply {}

    /** A link target. */
    record Text(String text) implements Reply {}

    /** File data or an attribute value. */
    record Data(byte[] bytes) implements Reply {}

    /** Bytes written, or an lseek offset. */
    record Number(long value) implements Reply {}

    record Page(DirPage page) implements Reply {}

    record PageXattrs(XattrsPage page) implements Reply {}

    record Space(StatFs statFs) implements Reply {}

    /** Xattrs by name, in name order (those of a file a change took away). */
    record Xattrs(Map<String, byte[]> xattrs) implements Reply {
        public Xattrs {
            xattrs = Collections.unmodifiableMap(new TreeMap<>(xattrs));
        }
    }

    /** Attribute names. */
    record Names(List<String> names) implements Reply {
        public Names {
            names = List.copyOf(names);
        }
    }

    /** The call failed with a positive errno. */
    record Failed(int errno) implements Reply {}

    Done DONE = new Done();
}
