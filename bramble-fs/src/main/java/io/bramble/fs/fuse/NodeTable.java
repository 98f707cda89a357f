package io.bramble.fs.fuse;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The kernel's node ids and what they stand for: a file's identity, the paths it is known
 * by and how many lookups the kernel holds on it. One node per {@link FileId}, so hard
 * links share a node, as they share an inode in the kernel. A node lives from its first
 * lookup until the kernel forgets every lookup it was given; a node whose names were all
 * removed stays as an orphan, answering from its last attributes, until then.
 *
 * <p>Node ids come from a counter and are never reused within a mount, so the generation
 * the kernel pairs with them can stay {@value #GENERATION}. Renames move every known path
 * below the renamed name. Paths are computed from the parent's current path when a change
 * is recorded, so a rename of an ancestor that raced with the operation cannot leave a
 * stale path behind. All methods are thread-safe.
 */
final class NodeTable {
    static final long ROOT_ID = 1;
    static final long GENERATION = 0;

    /** Paths in name-by-name order: every path's descendants follow it without a gap. */
    private static final Comparator<FsPath> PATH_ORDER = (a, b) -> {
        int common = Math.min(a.names().size(), b.names().size());
        for (int i = 0; i < common; i++) {
            int order = a.names().get(i).compareTo(b.names().get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.names().size(), b.names().size());
    };

    private static final class Node {
        final long id;
        final FileId fileId;
        /** The names it is known by; several only for hard links, none for orphans. */
        final List<FsPath> paths = new ArrayList<>(1);
        long lookups;
        Attr attr;

        Node(long id, FileId fileId) {
            this.id = id;
            this.fileId = fileId;
        }
    }

    private final Map<Long, Node> byId = new HashMap<>();
    private final Map<FileId, Node> byFileId = new HashMap<>();
    private final NavigableMap<FsPath, Node> byPath = new TreeMap<>(PATH_ORDER);
    private final Node root;
    private long nextId = ROOT_ID + 1;

    NodeTable(Attr rootAttr) {
        root = new Node(ROOT_ID, rootAttr.id());
        root.attr = rootAttr;
        byId.put(ROOT_ID, root);
        byFileId.put(root.fileId, root);
        attach(FsPath.ROOT, root);
    }

    /** {@code parent}/{@code name}, or the errno a kernel caller expects for a bad name. */
    static FsPath child(FsPath parent, String name) throws FsException {
        if (name.getBytes(StandardCharsets.UTF_8).length > FsPath.NAME_BYTES_MAX
                || parent.names().size() >= FsPath.DEPTH_MAX) {
            throw new FsException(Errno.ENAMETOOLONG, name);
        }
        if (!FsPath.isValidName(name)) {
            throw new FsException(Errno.EINVAL, "bad name '" + name + "'");
        }
        return parent.child(name);
    }

    /** The path to reach node {@code nodeId} by: ENOENT for orphans, ESTALE for unknown ids. */
    synchronized FsPath path(long nodeId) throws FsException {
        Node node = node(nodeId);
        if (node.paths.isEmpty()) {
            throw new FsException(Errno.ENOENT, "node " + nodeId + " was removed");
        }
        return node.paths.getFirst();
    }

    synchronized FsPath childPath(long parentId, String name) throws FsException {
        return child(path(parentId), name);
    }

    /**
     * Records that {@code name} in {@code parentId} is the file {@code attr} describes and
     * that the kernel now holds one more lookup on it; returns its node id.
     */
    synchronized long remember(long parentId, String name, Attr attr) throws FsException {
        FsPath path = childPath(parentId, name);
        Node node = byFileId.get(attr.id());
        if (node == root) {
            throw new FsException(Errno.EIO, path + " claims the root's identity");
        }
        if (node == null) {
            node = new Node(nextId++, attr.id());
            byId.put(node.id, node);
            byFileId.put(node.fileId, node);
        } else if (attr.isDirectory() && !node.paths.isEmpty() && !node.paths.contains(path)) {
            // A directory has one name: another client moved it, and its subtree with it.
            move(node.paths.getFirst(), path);
        }
        attach(path, node);
        node.lookups++;
        node.attr = attr;
        return node.id;
    }

    /** The kernel dropped {@code lookups} of its references; the node goes at zero. */
    synchronized void forget(long nodeId, long lookups) {
        Node node = byId.get(nodeId);
        if (node == null || node == root) {
            return;
        }
        node.lookups -= lookups;
        if (node.lookups > 0) {
            return;
        }
        byId.remove(nodeId);
        byFileId.remove(node.fileId, node);
        for (FsPath path : node.paths) {
            byPath.remove(path, node);
        }
    }

    /** {@code name} in {@code parentId} was unlinked or removed. */
    synchronized void removed(long parentId, String name) throws FsException {
        detachSubtree(childPath(parentId, name));
    }

    /** A rename succeeded: the name and everything known below it moved. */
    synchronized void renamed(long fromParent, String fromName, long toParent, String toName)
            throws FsException {
        FsPath from = childPath(fromParent, fromName);
        FsPath to = childPath(toParent, toName);
        Node moving = byPath.get(from);
        if (moving != null && moving == byPath.get(to)) {
            return; // two links of one file: rename(2) leaves both in place
        }
        detachSubtree(to);
        move(from, to);
    }

    /** A RENAME_EXCHANGE succeeded: the two names swapped what they stand for. */
    synchronized void exchanged(long parentA, String nameA, long parentB, String nameB)
            throws FsException {
        FsPath a = childPath(parentA, nameA);
        FsPath b = childPath(parentB, nameB);
        List<Map.Entry<FsPath, Node>> underA = detachSubtree(a);
        List<Map.Entry<FsPath, Node>> underB = detachSubtree(b);
        reattach(underA, a, b);
        reattach(underB, b, a);
    }

    /** The attributes last seen for the node, for orphans that no path reaches any more. */
    synchronized Attr lastAttr(long nodeId) throws FsException {
        return node(nodeId).attr;
    }

    synchronized void refreshed(long nodeId, Attr attr) {
        Node node = byId.get(nodeId);
        if (node != null && node.fileId.equals(attr.id())) {
            node.attr = attr;
        }
    }

    synchronized FileId fileId(long nodeId) throws FsException {
        return node(nodeId).fileId;
    }

    /** The node id of the file at {@code path}, or 0 when the kernel holds none for it. */
    synchronized long nodeAt(FsPath path) {
        Node node = byPath.get(path);
        return node == null ? 0 : node.id;
    }

    /** Lookups the kernel holds on the node; 0 once it is gone. */
    synchronized long lookups(long nodeId) {
        Node node = byId.get(nodeId);
        return node == null ? 0 : node.lookups;
    }

    /** Nodes in the table, the root included. */
    synchronized int size() {
        return byId.size();
    }

    private Node node(long nodeId) throws FsException {
        Node node = byId.get(nodeId);
        if (node == null) {
            throw new FsException(Errno.ESTALE, "unknown node " + nodeId);
        }
        return node;
    }

    private void move(FsPath from, FsPath to) {
        reattach(detachSubtree(from), from, to);
    }

    private void reattach(List<Map.Entry<FsPath, Node>> entries, FsPath from, FsPath to) {
        for (Map.Entry<FsPath, Node> entry : entries) {
            List<String> names = new ArrayList<>(to.names());
            List<String> below = entry.getKey().names();
            names.addAll(below.subList(from.names().size(), below.size()));
            if (names.size() <= FsPath.DEPTH_MAX) {
                attach(new FsPath(names), entry.getValue());
            }
        }
    }

    /** Drops {@code top} and every path below it; returns what was dropped. */
    private List<Map.Entry<FsPath, Node>> detachSubtree(FsPath top) {
        List<Map.Entry<FsPath, Node>> dropped = new ArrayList<>();
        for (Map.Entry<FsPath, Node> entry : byPath.tailMap(top, true).entrySet()) {
            if (!entry.getKey().startsWith(top)) {
                break;
            }
            dropped.add(Map.entry(entry.getKey(), entry.getValue()));
        }
        for (Map.Entry<FsPath, Node> entry : dropped) {
            byPath.remove(entry.getKey());
            entry.getValue().paths.remove(entry.getKey());
        }
        return dropped;
    }

    private void attach(FsPath path, Node node) {
        Node previous = byPath.put(path, node);
        if (previous == node) {
            return;
        }
        if (previous != null) {
            previous.paths.remove(path);
        }
        node.paths.add(path);
    }
}
