package io.bramble.fs.heal;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.replicate.ChildSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a folder out of split-brain when three copies or more hold it: each name where the
 * copies differ is made on every copy what most of them hold ({@link NameVote}), and the
 * folder's marks are cleared on every copy if nothing changed it meanwhile. A file made on a
 * copy is marked on the copy it was made from, so its data and attributes follow through the
 * usual heal. Gluster merges such a folder's names instead (every name any copy holds stays),
 * which brings back files an acknowledged unlink removed.
 */
final class FolderMerge {
    private FolderMerge() {
    }

    /**
     * @param states every copy's state of {@code dir}, each holding it
     * @return whether the folder was merged; false when some name has no majority
     */
    static boolean merge(List<FileOps> copies, FsPath dir, List<CopyState> states)
            throws FsException {
        List<Map<String, Attr>> names = new ArrayList<>(copies.size());
        for (FileOps copy : copies) {
            names.add(EntryHeal.names(copy, dir));
        }
        Optional<List<NameVote.Winner>> winners = NameVote.decide(names);
        if (winners.isEmpty()) {
            return false;
        }
        long[] changes = new long[copies.size()];
        for (int copy = 0; copy < copies.size(); copy++) {
            for (NameVote.Winner winner : winners.get()) {
                Attr had = names.get(copy).get(winner.name());
                if (had != null && (winner.absent() || !EntryHeal.same(had, winner.attr()))) {
                    EntryHeal.removeTree(copies.get(copy), dir.child(winner.name()), had, 0);
                    changes[copy]++;
                }
            }
        }
        for (int copy = 0; copy < copies.size(); copy++) {
            for (NameVote.Winner winner : winners.get()) {
                Attr had = names.get(copy).get(winner.name());
                if (!winner.absent() && (had == null || !EntryHeal.same(had, winner.attr()))) {
                    changes[copy] += EntryHeal.markAndMake(copies.get(winner.holder()),
                            copies.get(copy), copy, dir.child(winner.name()), winner.attr());
                }
            }
        }
        int[] all = ChildSet.all(copies.size()).indexes();
        for (int copy = 0; copy < copies.size(); copy++) {
            copies.get(copy).setxattr(Caller.ROOT, dir, ChangeStamps.CLEAR_IF_UNCHANGED,
                    ChangeStamps.clearRequest(ChangeStamps.raised(states.get(copy).stamp(),
                            changes[copy]), all),
                    0);
        }
        return true;
    }

    /** Whether every copy holds {@code states}' folder, the same one. */
    static boolean applies(List<CopyState> states) {
        if (states.size() < 3 || !states.stream().allMatch(CopyState::present)) {
            return false;
        }
        Attr first = states.getFirst().attr();
        return FileType.of(first.mode()) == FileType.DIRECTORY && states.stream().allMatch(
                state -> EntryHeal.same(state.attr(), first));
    }
}
