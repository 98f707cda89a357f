package io.bramble.fs.fuse;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The layer's handles open on each node, from OPEN and CREATE until RELEASE. The kernel names
 * the open file in a SETATTR only for ftruncate; a chmod, chown or utimes through a
 * descriptor of a file that has no name left reaches it through one of these. Bounded by the
 * files the kernel holds open.
 */
final class OpenFilesByNode {
    private final Map<Long, Set<Long>> handles = new HashMap<>();

    synchronized void opened(long nodeId, long handle) {
        handles.computeIfAbsent(nodeId, n -> new LinkedHashSet<>()).add(handle);
    }

    synchronized void released(long nodeId, long handle) {
        Set<Long> open = handles.get(nodeId);
        if (open != null && open.remove(handle) && open.isEmpty()) {
            handles.remove(nodeId);
        }
    }

    /** A handle open on {@code nodeId}, the first opened, if any is. */
    synchronized OptionalLong anyOf(long nodeId) {
        Set<Long> open = handles.get(nodeId);
        return open == null ? OptionalLong.empty() : OptionalLong.of(open.iterator().next());
    }
}
