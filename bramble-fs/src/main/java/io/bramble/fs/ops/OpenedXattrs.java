package io.bramble.fs.ops;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A file just opened, with those of its extended attributes whose names start with the prefix
 * asked for, read with the open. Values are the layer's own arrays: callers must not change
 * them.
 */
public record OpenedXattrs(Opened opened, Map<String, byte[]> xattrs) {
    public OpenedXattrs {
        xattrs = Collections.unmodifiableMap(new TreeMap<>(xattrs));
    }
}
