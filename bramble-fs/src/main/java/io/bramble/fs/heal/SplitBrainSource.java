package io.bramble.fs.heal;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.FileType;
import java.util.List;

/**
 * Whether a file in split-brain can be settled by a {@link SourceRule}, and from which copy.
 * As in Gluster, every copy of the set must answer and hold the file (a copy that is away may
 * be the one the rule would choose); the copies must be one regular file: a name whose copies
 * are different files, or a folder whose copies disagree on the names it holds, are not
 * settled this way. Pure.
 */
final class SplitBrainSource {
    /** Gluster's words when a copy is away (without the final period). */
    static final String NOT_ALL_UP = "Failed to obtain replies from all bricks of the replica"
            + " (are they up?). Cannot resolve split-brain";
    static final String DIFFERENT_FILES = "its copies are different files (each has an id of its"
            + " own); keep the one wanted by removing the others from their bricks";
    static final String ARBITER = "the arbiter brick holds no data; choose a brick with data";
    static final String NOT_A_FILE = "only regular files are settled this way; a folder's"
            + " copies are compared name by name";

    private SplitBrainSource() {
    }

    static SourcePick pick(List<CopyState> states, SourceRule rule) {
        if (!states.stream().allMatch(CopyState::present)) {
            return SourcePick.refused(NOT_ALL_UP);
        }
        List<Attr> copies = states.stream().map(CopyState::attr).toList();
        Attr first = copies.getFirst();
        for (Attr copy : copies) {
            if (!copy.id().equals(first.id()) || copy.type() != first.type()) {
                return SourcePick.refused(DIFFERENT_FILES);
            }
        }
        if (first.type() != FileType.REGULAR) {
            return SourcePick.refused(NOT_A_FILE);
        }
        return rule.pick(copies);
    }
}
