package io.bramble.fs.disperse;

import io.bramble.fs.heal.EntryHeal;
import io.bramble.fs.heal.HealOutcome;
import io.bramble.fs.heal.HealProgress;
import io.bramble.fs.heal.XattrCopy;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.replicate.ChildSet;
import io.bramble.fs.replicate.PendingCounters;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The heal of one path of a disperse set that the bricks' index lists (it holds pending marks
 * against children that missed changes): a folder's names ({@link NameHeal}), a regular
 * file's fragments ({@link FragmentHeal}), then the metadata of the marked children
 * (permissions, owner, times and the applications' xattrs: every xattr outside bramble's
 * {@code trusted.bramble.} namespace, set where it differs, removed where the sources lack it)
 * from the children {@link MetadataSource} chooses, and last the marks against the children
 * now whole, cleared on their holders through the brick's clear-if-unchanged (a change since
 * the stamp was read keeps them for the next pass).
 *
 * <p>Of the children whose index lists a path, the first that answers heals it
 * ({@link HealOutcome#NOT_MINE} for the others), so that two nodes do not heal one path at
 * once.
 */
public final class DisperseHeal {
    private final ChildCalls children;
    private final int dataCount;
    private final FragmentHeal fragments;
    private final NameHeal names;
    private final HealProgress progress;

    /** @param progress counts the paths healed and the fragment bytes rebuilt */
    DisperseHeal(ChildCalls children, StripeCodec codec, HealProgress progress) {
        this.children = children;
        this.dataCount = codec.code().dataCount();
        this.fragments = new FragmentHeal(children, codec, progress);
        this.names = new NameHeal(children, dataCount, fragments);
        this.progress = progress;
    }

    /**
     * Heals {@code path} as the node of child {@code local} does: only when {@code local} is
     * the first child holding marks on it that answers.
     */
    public HealOutcome heal(FsPath path, int local) throws FsException {
        Look look = look(path);
        if (look.answers.ok().isEmpty()) {
            return HealOutcome.GONE;
        }
        if (look.holders.isEmpty()) {
            return HealOutcome.CLEAN;
        }
        if (look.holders.first() != local) {
            return HealOutcome.NOT_MINE;
        }
        return repair(path, look, look.blamed.intersect(look.answers.ok()), true);
    }

    /**
     * A full heal from child {@code local}, for marks an index lost: every path under
     * {@code dir} as this child lists it, folders before what they hold, each told to
     * {@code outcome}. Only the first child that answers walks. A folder gets the names at least D children hold
     * made on the children that lack them, none removed (without a mark, a name fewer hold may
     * be one being made now); a regular file its stale fragments rebuilt (versions tell which,
     * marks or not); and what is marked heals as {@link #heal} does. Returns whether this child
     * walked.
     */
    public boolean healTree(FsPath dir, int local, Consumer<HealOutcome> outcome) {
        ChildAnswers<Attr> found = children.call(children.all(), (child, ops) -> ops.getattr(
                Caller.ROOT, dir));
        if (found.ok().isEmpty() || found.ok().first() != local) {
            return false;
        }
        walk(dir, local, outcome, 0);
        return true;
    }

    private void walk(FsPath dir, int local, Consumer<HealOutcome> outcome, int depth) {
        outcome.accept(healWhole(dir));
        Map<String, Attr> listed;
        try {
            listed = depth < FsPath.DEPTH_MAX
                    ? EntryHeal.names(children.child(local), dir)
                    : Map.of();
        } catch (FsException e) {
            outcome.accept(HealOutcome.WAITING); // the folder went away, or its brick did
            return;
        }
        for (Map.Entry<String, Attr> entry : listed.entrySet()) {
            FsPath child = dir.child(entry.getKey());
            if (entry.getValue().type() == FileType.DIRECTORY) {
                walk(child, local, outcome, depth + 1);
            } else {
                outcome.accept(healWhole(child));
            }
        }
    }

    /** One path of a full heal; a failure leaves it for a later heal. */
    private HealOutcome healWhole(FsPath path) {
        try {
            Look look = look(path);
            return look.answers.ok().isEmpty()
                    ? HealOutcome.GONE
                    : repair(path, look, look.answers.ok(), false);
        } catch (FsException e) {
            return HealOutcome.WAITING;
        }
    }

    /**
     * Heals a folder's names on {@code nameTargets} (removing those fewer than D hold when
     * {@code remove}) or a file's fragments, then the attributes and marks of the children
     * marked; {@link HealOutcome#CLEAN} when there was nothing to do.
     */
    private HealOutcome repair(FsPath path, Look look, ChildSet nameTargets, boolean remove)
            throws FsException {
        if (look.answers.ok().size() < dataCount) {
            return HealOutcome.WAITING;
        }
        FileType type = look.answers.value(look.answers.ok().first()).attr().type();
        boolean changed = !look.holders.isEmpty();
        if (type == FileType.DIRECTORY) {
            changed |= names.heal(path, nameTargets, remove) > 0;
        } else if (type == FileType.REGULAR) {
            changed |= !fragments.heal(path).isEmpty();
        }
        Look after = look(path);
        boolean healed = after.holders.isEmpty() || after.blamed.minus(clearMarks(path, after,
                healAttributes(path, after))).isEmpty();
        if (!healed) {
            return HealOutcome.WAITING;
        }
        if (!changed) {
            return HealOutcome.CLEAN;
        }
        progress.healed();
        return HealOutcome.HEALED;
    }

    /** The stamps, attributes and bramble's xattrs of every child at {@code path}. */
    private Look look(FsPath path) {
        ChildAnswers<byte[]> stamps = children.call(children.all(), (child, ops) -> ops
                .getxattr(Caller.ROOT, path, ChangeStamps.STAMP));
        ChildAnswers<AttrXattrs> answers = children.call(children.all(), (child, ops) -> ops
                .getattrXattrs(Caller.ROOT, path, MetadataSource.INTERNAL_PREFIX));
        ChildSet holders = ChildSet.NONE;
        ChildSet blamed = ChildSet.NONE;
        for (int child : answers.ok().indexes()) {
            ChildSet blames = PendingCounters.blamed(answers.value(child).xattrs(), children
                    .size());
            if (!blames.isEmpty()) {
                holders = holders.union(ChildSet.of(child));
                blamed = blamed.union(blames);
            }
        }
        return new Look(stamps, answers, holders, blamed);
    }

    private record Look(ChildAnswers<byte[]> stamps, ChildAnswers<AttrXattrs> answers,
            ChildSet holders, ChildSet blamed) {}

    /**
     * Gives the marked children that hold {@code path} (for a regular file, those in step)
     * the permissions, owner, times and applications' xattrs of the sources
     * ({@link MetadataSource}); returns the children that are whole now.
     */
    private ChildSet healAttributes(FsPath path, Look look) throws FsException {
        ChildSet present = look.answers.ok();
        AttrXattrs any = look.answers.value(present.first());
        if (any.attr().type() == FileType.REGULAR) {
            FragmentState[] states = new FragmentState[children.size()];
            for (int child : present.indexes()) {
                states[child] = FragmentState.parse(look.answers.value(child).xattrs().get(
                        FragmentState.XATTR));
            }
            Freshness fresh = Freshness.of(states, dataCount);
            if (fresh == null) {
                return ChildSet.NONE;
            }
            present = fresh.children();
        }
        if (present.minus(look.blamed).isEmpty()) {
            return ChildSet.NONE;
        }
        ChildSet targets = present.intersect(look.blamed);
        if (any.attr().type() == FileType.SYMLINK || targets.isEmpty()) {
            return targets;
        }
        ChildAnswers<AttrXattrs> read = children.call(present, (child, ops) -> ops
                .getattrXattrs(Caller.ROOT, path, ""));
        MetadataSource.Metadata[] held = new MetadataSource.Metadata[children.size()];
        for (int child : read.ok().indexes()) {
            held[child] = MetadataSource.Metadata.of(read.value(child).attr(), read.value(child)
                    .xattrs());
        }
        ChildSet sources = MetadataSource.choose(held, present.minus(look.blamed), dataCount);
        if (sources.isEmpty()) {
            return ChildSet.NONE;
        }
        AttrXattrs source = read.value(sources.first());
        Attr from = source.attr();
        SetAttr same = new SetAttr(OptionalInt.of(from.permissions()), OptionalInt.of(from.uid()),
                OptionalInt.of(from.gid()), OptionalLong.empty(), OptionalLong.of(from.atimeNs()),
                OptionalLong.of(from.mtimeNs()));
        Map<String, byte[]> wanted = MetadataSource.applications(source.xattrs());
        return children.call(targets.intersect(read.ok()), (child, ops) -> {
            XattrCopy.copy(wanted, MetadataSource.applications(read.value(child).xattrs()), ops,
                    path);
            return ops.setattr(Caller.ROOT, path, same);
        }).ok();
    }

    /**
     * Clears, on each holder of marks, those against {@code whole}; returns the children
     * whose marks are cleared everywhere.
     */
    private ChildSet clearMarks(FsPath path, Look look, ChildSet whole) {
        ChildSet holders = look.holders.intersect(look.stamps.ok());
        ChildAnswers<Boolean> cleared = children.call(holders, (child, ops) -> {
            Map<String, byte[]> xattrs = look.answers.value(child).xattrs();
            ChildSet blamed = PendingCounters.blamed(xattrs, children.size()).intersect(whole);
            if (!blamed.isEmpty()) {
                ops.setxattr(Caller.ROOT, path, ChangeStamps.CLEAR_IF_UNCHANGED, ChangeStamps
                        .clearRequest(look.stamps.value(child), blamed.indexes()), 0);
            }
            return Boolean.TRUE;
        });
        return cleared.ok().equals(look.holders) ? whole : ChildSet.NONE;
    }
}
