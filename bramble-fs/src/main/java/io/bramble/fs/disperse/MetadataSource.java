package io.bramble.fs.disperse;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.replicate.ChildSet;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The children a disperse heal copies a path's metadata from: of the children no mark blames
 * (each took every change the takers marked), those that agree on the permissions, the owner
 * and the applications' xattrs, at least D of them, as Gluster's heal takes the metadata of D
 * bricks that agree. Children no mark blames disagree only while a change's marks are not yet
 * written; when they all agree they are taken even if fewer than D, since every other child
 * is blamed for a change they took. Times are not compared: each brick keeps its own.
 */
final class MetadataSource {
    /** bramble's own xattrs (states, pending marks, stamps, ids), never an application's. */
    static final String INTERNAL_PREFIX = "trusted.bramble.";

    /**
     * What is compared of one child's copy of a path.
     *
     * @param xattrs the applications' xattrs, values wrapped so that they compare by content
     */
    record Metadata(int permissions, int uid, int gid, Map<String, ByteBuffer> xattrs) {
        static Metadata of(Attr attr, Map<String, byte[]> xattrs) {
            Map<String, ByteBuffer> values = new TreeMap<>();
            applications(xattrs).forEach((name, value) -> values.put(name, ByteBuffer.wrap(
                    value)));
            return new Metadata(attr.permissions(), attr.uid(), attr.gid(), values);
        }
    }

    private MetadataSource() {
    }

    /** The xattrs of {@code xattrs} that belong to applications: all but bramble's own. */
    static Map<String, byte[]> applications(Map<String, byte[]> xattrs) {
        Map<String, byte[]> kept = new TreeMap<>(xattrs);
        kept.keySet().removeIf(name -> name.startsWith(INTERNAL_PREFIX));
        return kept;
    }

    /**
     * The sources among {@code unblamed} (each with its copy in {@code held}, indexed by child),
     * or {@link ChildSet#NONE} when none can be trusted yet.
     */
    static ChildSet choose(Metadata[] held, ChildSet unblamed, int dataCount) {
        Map<Metadata, ChildSet> groups = new LinkedHashMap<>();
        for (int child : unblamed.indexes()) {
            if (held[child] != null) {
                groups.merge(held[child], ChildSet.of(child), ChildSet::union);
            }
        }
        if (groups.size() == 1) {
            return groups.values().iterator().next();
        }
        // M < D, so at most one group holds D children.
        for (ChildSet group : groups.values()) {
            if (group.size() >= dataCount) {
                return group;
            }
        }
        return ChildSet.NONE;
    }
}
