package io.bramble.fs.ops;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A file's attributes with some of its extended attributes, read together: those whose names
 * start with the prefix asked for. An xattr that is not there is not in {@link #xattrs()}.
 * Values are the layer's own arrays: callers must not change them.
 */
public record AttrXattrs(Attr attr, Map<String, byte[]> xattrs) {
    public AttrXattrs {
        xattrs = Collections.unmodifiableMap(new TreeMap<>(xattrs));
    }
}
