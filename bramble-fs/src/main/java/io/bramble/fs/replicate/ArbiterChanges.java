package io.bramble.fs.replicate;

import io.bramble.fs.ops.SetAttr;
import java.util.OptionalLong;

/**
 * What a change of a file's data becomes on the set's arbiter, which keeps the names,
 * attributes and marks of every file but none of its bytes (Gluster's arbiter brick), so that
 * its files stay empty. A write goes to it with no bytes: the brick still checks the handle
 * and counts the change in the file's change stamp, and the arbiter answers as if it had
 * written them all. A size change is left out of a setattr, and fallocate is not sent. The
 * change's marks are written on the arbiter by {@link ChangeRunner} as on any copy: it takes
 * every change for its accounting, and votes with it.
 */
final class ArbiterChanges {
    private static final byte[] NO_BYTES = new byte[0];

    private final ChildSet arbiters;

    ArbiterChanges(ChildSet arbiters) {
        this.arbiters = arbiters;
    }

    boolean isArbiter(int child) {
        return arbiters.contains(child);
    }

    /** The bytes of a write that {@code child} is sent. */
    byte[] written(int child, byte[] data) {
        return isArbiter(child) ? NO_BYTES : data;
    }

    /** What a write of {@code data} answers on {@code child}, given what the copy answered. */
    int writtenBytes(int child, byte[] data, int answered) {
        return isArbiter(child) ? data.length : answered;
    }

    /** The changes of a setattr that {@code child} is sent: never a size on the arbiter. */
    SetAttr changes(int child, SetAttr changes) {
        if (!isArbiter(child) || changes.sizeBytes().isEmpty()) {
            return changes;
        }
        return new SetAttr(changes.permissions(), changes.uid(), changes.gid(),
                OptionalLong.empty(), changes.atimeNs(), changes.mtimeNs());
    }

    /** Whether a change that only allocates or shapes data is sent to {@code child}. */
    boolean takesData(int child) {
        return !isArbiter(child);
    }

    /** The copies that hold data among {@code copies}. */
    ChildSet dataCopies(ChildSet copies) {
        return copies.minus(arbiters);
    }
}
