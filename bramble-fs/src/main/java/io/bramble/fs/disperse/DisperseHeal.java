package io.bramble.fs.disperse;

import io.bramble.fs.heal.HealOutcome;
import io.bramble.fs.heal.HealProgress;
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

/**
 * The heal of one path of a disperse set that the bricks' index lists (it holds pending marks
 * against children that missed changes): a folder's names ({@link NameHeal}), a regular
 * file's fragments ({@link FragmentHeal}), then the attributes (permissions, owner, times) of
 * the marked children from a child no other marks, and last the marks against the children
 * now whole, cleared on their holders through the brick's clear-if-unchanged (a change since
 * the stamp was read keeps them for the next pass).
 *
 * <p>Of the children whose index lists a path, the first that answers heals it
 * ({@link HealOutcome#NOT_MINE} for the others), so that two nodes do not heal one path at
 * once. Applications' xattrs are not healed yet.
 */
public final class DisperseHeal {
    /** The xattrs of bramble's own: states, pending marks. */
    private static final String INTERNAL_PREFIX = "trusted.bramble.";

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
        if (look.answers.ok().size() < dataCount) {
            return HealOutcome.WAITING;
        }
        FileType type = look.answers.value(look.answers.ok().first()).attr().type();
        if (type == FileType.DIRECTORY) {
            names.heal(path, look.blamed.intersect(look.answers.ok()));
        } else if (type == FileType.REGULAR) {
            fragments.heal(path);
        }
        Look after = look(path);
        boolean healed = after.holders.isEmpty() || after.blamed.minus(clearMarks(path, after,
                healAttributes(path, after))).isEmpty();
        if (healed) {
            progress.healed();
        }
        return healed ? HealOutcome.HEALED : HealOutcome.WAITING;
    }

    /** The stamps, attributes and bramble's xattrs of every child at {@code path}. */
    private Look look(FsPath path) {
        ChildAnswers<byte[]> stamps = children.call(children.all(), (child, ops) -> ops
                .getxattr(Caller.ROOT, path, ChangeStamps.STAMP));
        ChildAnswers<AttrXattrs> answers = children.call(children.all(), (child, ops) -> ops
                .getattrXattrs(Caller.ROOT, path, INTERNAL_PREFIX));
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
     * the permissions, owner and times of a child no one marks; returns the children that
     * are whole now.
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
        ChildSet sources = present.minus(look.blamed);
        if (sources.isEmpty()) {
            return ChildSet.NONE;
        }
        ChildSet targets = present.intersect(look.blamed);
        if (any.attr().type() == FileType.SYMLINK || targets.isEmpty()) {
            return targets;
        }
        Attr from = look.answers.value(sources.first()).attr();
        SetAttr same = new SetAttr(OptionalInt.of(from.permissions()), OptionalInt.of(from.uid()),
                OptionalInt.of(from.gid()), OptionalLong.empty(), OptionalLong.of(from.atimeNs()),
                OptionalLong.of(from.mtimeNs()));
        return children.call(targets, (child, ops) -> ops.setattr(Caller.ROOT, path, same)).ok();
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
