package io.bramble.fs.disperse;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.replicate.ChildSet;
import io.bramble.fs.replicate.PendingCounters;

/**
 * The attributes a disperse set reports for one name, from what its children read of it with
 * bramble's xattrs: those of a child no other marks (a child that missed a change is marked
 * on the takers, {@link PendingMarks}), and for a regular file those of a fragment in step
 * ({@link Freshness}) with the file's size and blocks, not the fragment's. A lookup and a
 * listing choose alike, so that both show the same attributes.
 */
final class AttrChoice {
    /**
     * @param child the child whose attributes were taken
     * @param attr the attributes to report
     * @param marked whether a mark blames the child: every child that could answer missed
     *     some change
     */
    record Chosen(int child, Attr attr, boolean marked) {}

    private AttrChoice() {
    }

    /**
     * The choice among {@code held} (per child what it read of the name, null where it did not
     * answer or lacks the name; at least one is not null), or null when the name is a regular
     * file fewer than {@code dataCount} of whose fragments are in step.
     */
    static Chosen choose(AttrXattrs[] held, int dataCount) {
        ChildSet answered = ChildSet.NONE;
        ChildSet blamed = ChildSet.NONE;
        for (int child = 0; child < held.length; child++) {
            if (held[child] != null) {
                answered = answered.with(child);
                blamed = blamed.union(PendingCounters.blamed(held[child].xattrs(),
                        held.length));
            }
        }
        AttrXattrs any = held[answered.first()];
        ChildSet from = answered;
        FragmentState state = null;
        if (any.attr().type() == FileType.REGULAR) {
            Freshness fresh = freshness(held, dataCount);
            if (fresh == null) {
                return null;
            }
            from = fresh.children();
            state = fresh.state();
        }
        ChildSet unblamed = from.minus(blamed);
        int child = unblamed.isEmpty() ? from.first() : unblamed.first();
        Attr attr = held[child].attr();
        return new Chosen(child, state == null ? attr : fileAttr(attr, state, dataCount),
                unblamed.isEmpty());
    }

    private static Freshness freshness(AttrXattrs[] held, int dataCount) {
        FragmentState[] states = new FragmentState[held.length];
        for (int child = 0; child < held.length; child++) {
            if (held[child] != null) {
                states[child] = FragmentState.parse(held[child].xattrs().get(
                        FragmentState.XATTR));
            }
        }
        return Freshness.of(states, dataCount);
    }

    /** A fragment's attributes as the file's: its size, and the blocks of its D data. */
    static Attr fileAttr(Attr fragment, FragmentState state, int dataCount) {
        long blocks512 = fragment.blocks512() * dataCount;
        return new Attr(fragment.id(), fragment.mode(), fragment.nlink(), fragment.uid(),
                fragment.gid(), fragment.rdev(), state.sizeBytes(), blocks512,
                fragment.atimeNs(), fragment.mtimeNs(), fragment.ctimeNs());
    }
}
