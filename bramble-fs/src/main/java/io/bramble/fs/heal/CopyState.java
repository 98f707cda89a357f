package io.bramble.fs.heal;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.replicate.ChildSet;
import java.util.Map;

/**
 * One copy of a file as the heal found it: away, without the file, or holding it with these
 * attributes, marks and change stamp.
 *
 * @param stamp the brick's change stamp of the file, read before its attributes
 * @param blamed the copies its marks blame
 */
record CopyState(Presence presence, Attr attr, Map<String, byte[]> xattrs, byte[] stamp,
        ChildSet blamed) {
    enum Presence {
        AWAY, ABSENT, PRESENT
    }

    static final CopyState AWAY = new CopyState(Presence.AWAY, null, Map.of(), null,
            ChildSet.NONE);
    static final CopyState ABSENT = new CopyState(Presence.ABSENT, null, Map.of(), null,
            ChildSet.NONE);

    boolean present() {
        return presence == Presence.PRESENT;
    }

    boolean reachable() {
        return presence != Presence.AWAY;
    }
}
