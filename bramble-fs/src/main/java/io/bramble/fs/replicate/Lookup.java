package io.bramble.fs.replicate;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFileTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every reachable copy about a path (its attributes and its markers, in one call per
 * copy, all copies in parallel) and decides what the volume says: never from a copy another
 * one blames. Copies that disagree on whether the name exists (one missed a create, an
 * unlink or a rename) are settled by the markers of the parent directory. A read needs the
 * read quorum among the copies that hold the file, so that their markers include those of a
 * copy that took every acknowledged change.
 */
final class Lookup {
    private static final Logger LOG = LoggerFactory.getLogger(Lookup.class);

    private final int replicaCount;
    private final Quorum quorum;
    private final int preferred;
    private final ChildSet arbiters;
    private final Fanout fanout;
    private final Markers markers;
    private final TieBreaker tieBreaker;
    private final ChildHealth health;
    private final OpenFileTable<OpenFile> openFiles;
    private final SplitFolderRepair repair;

    Lookup(int replicaCount, ReplicateOptions options, Fanout fanout, Markers markers,
            TieBreaker tieBreaker, ChildHealth health, OpenFileTable<OpenFile> openFiles,
            SplitFolderRepair repair) {
        this.replicaCount = replicaCount;
        this.quorum = options.quorum();
        this.preferred = options.readChildPreferred();
        this.arbiters = options.arbiters();
        this.fanout = fanout;
        this.markers = markers;
        this.tieBreaker = tieBreaker;
        this.health = health;
        this.openFiles = openFiles;
        this.repair = repair;
    }

    /** A lookup met a folder in split-brain and settled it: it asks its copies again. */
    private static final class Settled extends Exception {
        Settled() {
            super(null, null, false, false);
        }
    }

    /** One copy's view of a path: its attributes or the errno it answered, and its blame. */
    record View(Attr attr, int errno, ChildSet blames) {
        Object key() {
            return attr != null ? attr.id() : "errno " + errno;
        }
    }

    /**
     * What the volume says of {@code path}. A folder found in split-brain on the way, with
     * every copy answering, is settled ({@link SplitFolderRepair}) and the copies asked again,
     * once.
     */
    Found find(Caller caller, FsPath path) throws FsException {
        try {
            return findOnce(caller, path);
        } catch (Settled settled) {
            try {
                return findOnce(caller, path);
            } catch (Settled again) {
                throw new FsException(Errno.EIO, path + ": its copies stay in split-brain");
            }
        }
    }

    private Found findOnce(Caller caller, FsPath path) throws FsException, Settled {
        Answers<View> views = fanout.call(health.up(), (child, copy) -> {
            try {
                AttrXattrs read = copy.getattrXattrs(caller, path, PendingCounters.PREFIX);
                return new View(read.attr(), 0, markers.blamed(read.xattrs()));
            } catch (FsException e) {
                if (Outcomes.isLostConnection(e.errno())) {
                    throw e;
                }
                return new View(null, e.errno(), ChildSet.NONE);
            }
        });
        return decide(caller, path, views);
    }

    /**
     * What {@link #find} decides from {@code views} when every answering copy answered alike
     * (the same file, or the same errno); null when they disagree, which only a lookup that
     * reads the parent's markers settles.
     */
    Found agreed(FsPath path, Answers<View> views) throws FsException {
        if (byAnswer(views, views.ok()).size() > 1) {
            return null;
        }
        try {
            return decide(Caller.ROOT, path, views);
        } catch (Settled settled) {
            return null;
        }
    }

    private Found decide(Caller caller, FsPath path, Answers<View> views)
            throws FsException, Settled {
        ChildSet answering = views.ok();
        requireReadQuorum(answering, path);
        ChildSet holders = agreedHolders(caller, path, views, answering);
        View agreed = views.value(holders.first());
        if (agreed.attr() == null) {
            throw new FsException(agreed.errno(), path.toString());
        }
        // Only a copy that holds the file here shows its markers: one that missed a rename
        // holds it under the old name, with blame this lookup cannot see.
        requireReadQuorum(holders, path);
        BlameMatrix blame = BlameMatrix.none(replicaCount);
        for (int holder : holders.indexes()) {
            blame = blame.with(holder, views.value(holder).blames());
        }
        blame = withoutCopy(blame, answering.minus(holders));
        OpenFile open = openFiles.find(agreed.attr().id());
        if (open != null) {
            blame = blame.union(open.blame());
        }
        int chosen = chooseOrSettle(blame, holders, path);
        return new Found(views.value(chosen).attr(), chosen, holders, blame);
    }

    /** The answering copies whose answer is the volume's, as the parent's markers decide. */
    private ChildSet agreedHolders(Caller caller, FsPath path, Answers<View> views,
            ChildSet answering) throws FsException, Settled {
        Map<Object, ChildSet> byAnswer = byAnswer(views, answering);
        if (byAnswer.size() == 1) {
            return answering;
        }
        // Not parents(): a folder settled here would leave these views out of date; the
        // choice below settles it and has the whole lookup ask again.
        Parents parent = parentsOnce(List.of(path.parent()));
        ChildSet answeringBoth = answering.intersect(parent.holders());
        int trusted = chooseOrSettle(parent.blame(), answeringBoth, path.parent());
        return byAnswer.get(views.value(trusted).key());
    }

    /** The answering copies grouped by what they answered, in child order. */
    private static Map<Object, ChildSet> byAnswer(Answers<View> views, ChildSet answering) {
        Map<Object, ChildSet> byAnswer = new LinkedHashMap<>();
        for (int child : answering.indexes()) {
            byAnswer.merge(views.value(child).key(), ChildSet.of(child), ChildSet::union);
        }
        return byAnswer;
    }

    /**
     * A copy that answered without holding the object (it missed the create) is stale for it,
     * though no marker says so: it is marked as blaming itself, in memory only. Were it
     * counted fresh, a change the holders took would count as missed by a fresh copy.
     */
    private static BlameMatrix withoutCopy(BlameMatrix blame, ChildSet lacking) {
        for (int child : lacking.indexes()) {
            blame = blame.with(child, ChildSet.of(child));
        }
        return blame;
    }

    /**
     * What the answering copies' markers say about some directories, for an entry change.
     *
     * @param holders the answering copies that hold every one of the directories
     */
    record Parents(ChildSet holders, BlameMatrix blame) {}

    /** A copy's blame on each directory; null where it does not hold that directory. */
    private record DirectoryMarkers(List<ChildSet> blames) {
        boolean holdsAll() {
            return !blames.contains(null);
        }
    }

    /**
     * What the answering copies' markers say about {@code dirs}. When every copy holds them and
     * they are in split-brain (no copy fresh for them), each folder of them that is settled
     * ({@link SplitFolderRepair}) is, and the markers are read again, once: an entry change
     * needs a fresh copy.
     */
    Parents parents(List<FsPath> dirs) throws FsException {
        Parents parents = parentsOnce(dirs);
        if (!parents.holders().equals(ChildSet.all(replicaCount))
                || !parents.blame().fresh().minus(arbiters).isEmpty()) {
            return parents;
        }
        boolean settled = false;
        for (FsPath dir : dirs) {
            settled |= settle(dir);
        }
        return settled ? parentsOnce(dirs) : parents;
    }

    /** Has {@code dir}, found in split-brain with every copy answering, settled; logs it. */
    private boolean settle(FsPath dir) {
        if (!repair.repair(dir)) {
            return false;
        }
        LOG.info("{} was in split-brain: its names are now what most of its copies held", dir);
        return true;
    }

    private Parents parentsOnce(List<FsPath> dirs) throws FsException {
        Answers<DirectoryMarkers> answers = fanout.call(health.up(), (child, copy) -> {
            List<ChildSet> blames = new ArrayList<>(dirs.size());
            for (FsPath dir : dirs) {
                try {
                    blames.add(markers.read(copy, dir));
                } catch (FsException e) {
                    if (Outcomes.isLostConnection(e.errno())) {
                        throw e;
                    }
                    blames.add(null);
                }
            }
            return new DirectoryMarkers(blames);
        });
        ChildSet answering = answers.ok();
        ChildSet holders = answering.filter(child -> answers.value(child).holdsAll());
        requireReadQuorum(holders, dirs.getFirst());
        BlameMatrix blame = BlameMatrix.none(replicaCount);
        for (int child : holders.indexes()) {
            for (ChildSet blamed : answers.value(child).blames()) {
                blame = blame.with(child, blamed);
            }
        }
        return new Parents(holders, withoutCopy(blame, answering.minus(holders)));
    }

    private void requireReadQuorum(ChildSet answering, FsPath path) throws FsException {
        if (!quorum.readMet(answering.size(), replicaCount)) {
            throw new FsException(Errno.ENOTCONN, answering.size() + " of "
                    + replicaCount + " copies answered for " + path);
        }
        if (quorum.readNeedsTieBreaker(answering.size(), replicaCount)
                && tieBreaker.isStale(answering.first())) {
            throw new FsException(Errno.ENOTCONN,
                    "the only copy answering for " + path + " is recorded stale");
        }
    }

    /**
     * As {@link #choose}; when {@code candidates} are every copy and each is blamed by another,
     * {@code path} is settled if it is a folder its copies can agree on.
     *
     * @throws Settled when it was: the lookup asks the copies again
     */
    private int chooseOrSettle(BlameMatrix blame, ChildSet candidates, FsPath path)
            throws FsException, Settled {
        ReadChoice choice = ReadChoice.choose(blame, candidates, preferred, arbiters,
                quorum.agreeingGroup(replicaCount));
        if (choice.found()) {
            return choice.child();
        }
        if (choice.split() && candidates.equals(ChildSet.all(replicaCount)) && settle(path)) {
            throw new Settled();
        }
        return choose(blame, candidates, path);
    }

    /**
     * A copy nobody blames among {@code candidates}, never the arbiter, or the errno there is
     * none.
     */
    int choose(BlameMatrix blame, ChildSet candidates, FsPath path) throws FsException {
        ReadChoice choice = ReadChoice.choose(blame, candidates, preferred, arbiters,
                quorum.agreeingGroup(replicaCount));
        if (choice.found()) {
            return choice.child();
        }
        if (choice.split()) {
            LOG.error("split-brain on {}: every copy answering ({}) is blamed by another: {}",
                    path, candidates, blame);
        }
        throw new FsException(choice.errno(), path + ": no fresh copy among " + candidates);
    }
}
