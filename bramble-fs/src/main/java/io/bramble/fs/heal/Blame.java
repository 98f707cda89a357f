package io.bramble.fs.heal;

import io.bramble.fs.ops.FileType;
import io.bramble.fs.replicate.BlameMatrix;
import io.bramble.fs.replicate.ChildSet;
import java.util.List;

/**
 * Who blames whom for one file, from its copies' states: which copies hold it, which answered,
 * what each holding copy's marks blame. The copies that hold the file and that nobody blames
 * are its sources. When no copy with data is one and every copy answered, the copies with
 * data that only blame themselves are ({@link BlameMatrix#blamedOnlyByThemselves}: each holds
 * every acknowledged change and refused ones beside), and every other copy is healed from
 * one of them, an arbiter nobody blames too. Failing those, the holding copies of a group
 * that meets every set of takers and blames neither each other nor themselves are ({@link
 * BlameMatrix#firstAgreeingGroup}), and only the copies outside it are healed. Failing those
 * too, for a file other than a folder that every copy holds (a copy without it may have
 * taken its marks away with it), the copies with data that fewer others blame than the
 * fewest takers of an acknowledged change are ({@link BlameMatrix#blamedByFewerThan}); a
 * folder in that state is merged ({@link FolderMerge}). When the file is marked and there
 * are no sources, it is in split-brain. Pure.
 *
 * @param marks the blame of the copies that hold the file
 * @param arbiters the copies that hold no data
 * @param agreeingGroup the copies such a group needs ({@code Quorum.agreeingGroup}); more
 *     than the set has to trust no group
 * @param folder whether a copy holds a folder at the path
 */
record Blame(ChildSet present, ChildSet reachable, BlameMatrix marks, ChildSet arbiters,
        int agreeingGroup, boolean folder) {
    static Blame of(List<CopyState> states, ChildSet arbiters, int agreeingGroup) {
        ChildSet present = ChildSet.NONE;
        ChildSet reachable = ChildSet.NONE;
        BlameMatrix marks = BlameMatrix.none(states.size());
        boolean folder = false;
        for (int i = 0; i < states.size(); i++) {
            CopyState state = states.get(i);
            if (state.reachable()) {
                reachable = reachable.with(i);
            }
            if (state.present()) {
                present = present.with(i);
                marks = marks.with(i, state.blamed());
                folder |= FileType.of(state.attr().mode()) == FileType.DIRECTORY;
            }
        }
        return new Blame(present, reachable, marks, arbiters, agreeingGroup, folder);
    }

    /** The copies some holding copy blames. */
    ChildSet accused() {
        return marks.blamed();
    }

    ChildSet sources() {
        ChildSet fresh = present.minus(accused());
        if (!fresh.minus(arbiters).isEmpty()) {
            return fresh;
        }
        if (reachable.equals(ChildSet.all(marks.replicaCount()))) {
            ChildSet selfBlamed = present.intersect(marks.blamedOnlyByThemselves())
                    .minus(arbiters);
            if (!selfBlamed.isEmpty()) {
                return selfBlamed;
            }
        }
        ChildSet agreeing = agreeing();
        if (!agreeing.minus(arbiters).isEmpty()) {
            return agreeing;
        }
        if (!folder && present.equals(ChildSet.all(marks.replicaCount()))) {
            ChildSet fewBlame = marks.blamedByFewerThan(fewestTakers()).minus(arbiters);
            if (!fewBlame.isEmpty()) {
                return fewBlame;
            }
        }
        return fresh;
    }

    /** The fewest copies that take an acknowledged change, from the agreeing group's size. */
    private int fewestTakers() {
        return marks.replicaCount() - agreeingGroup + 1;
    }

    /**
     * The holding copies of a group that blames neither each other nor themselves and meets
     * every set of takers ({@link BlameMatrix#firstAgreeingGroup}), when no copy with data
     * is fresh; none otherwise.
     */
    private ChildSet agreeing() {
        if (!present.minus(accused()).minus(arbiters).isEmpty()) {
            return ChildSet.NONE;
        }
        return marks.firstAgreeingGroup(present.intersect(reachable), agreeingGroup);
    }

    /**
     * The copies to heal from {@code source}: those that answer and are blamed or no source,
     * but for an agreeing group's copies, whose blame the outsiders' heal takes back.
     */
    ChildSet sinks(int source) {
        ChildSet sources = sources();
        ChildSet agreeing = agreeing();
        ChildSet left = sources.equals(agreeing) ? agreeing : ChildSet.NONE;
        return accused().union(present.minus(sources)).minus(left).intersect(reachable)
                .without(source);
    }

    /**
     * The copies whose blame a heal from {@code source} to {@link #sinks} takes back: the
     * sinks, the source when it is blamed (it only blames itself, or it is of an agreeing
     * group), and an agreeing group's other copies, which hold what the source holds.
     */
    ChildSet cleared(int source) {
        ChildSet sinks = sinks(source);
        ChildSet cleared = accused().contains(source) ? sinks.with(source) : sinks;
        ChildSet sources = sources();
        return sources.equals(agreeing()) ? cleared.union(sources) : cleared;
    }

    /** Some copy holds the file, some copy is blamed, and every copy holding it is. */
    boolean splitBrain() {
        return !present.isEmpty() && !accused().isEmpty() && sources().isEmpty();
    }
}
