package io.bramble.fs.disperse;

import io.bramble.fs.heal.HealProgress;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.replicate.ChildSet;
import io.bramble.fs.replicate.PendingCounters;
import java.util.Arrays;
import java.util.Map;

/**
 * Brings the stale fragments of one regular file back in step: reads D fragments in step,
 * rebuilds the stale ones from them ({@link ReedSolomon#decode}), writes them, sets their
 * length, and last sets their state to that of the fragments they were rebuilt from, which
 * is what makes them in step again ({@link Freshness}). A heal service calls it for the files
 * it finds with fragments behind; it takes no lock and needs none: a write that lands while
 * it runs moves the fragments in step to a newer version, so the healed fragments, set to the
 * version the heal started from, stay stale and are healed again the next time. The data
 * marks against the children now in step ({@link PendingMarks}) are cleared last, on the
 * children in step, through the brick's clear-if-unchanged.
 *
 * <p>A child that has no fragment file at all (it missed the file's creation) is left alone:
 * making names is an entry heal, not this one.
 */
public final class FragmentHeal {
    /** Fragment bytes rebuilt per round: bounds the buffers of a heal. */
    static final int PIECE_BYTES_MAX = 256 * 1024;
    /** The xattrs read with a file's attributes: its fragments' states and pending marks. */
    private static final String INTERNAL_PREFIX = "trusted.bramble.";

    private final ChildCalls children;
    private final StripeCodec codec;
    private final int dataCount;
    private final HealProgress progress;

    FragmentHeal(ChildCalls children, StripeCodec codec) {
        this(children, codec, new HealProgress());
    }

    /** @param progress counts the fragment bytes rebuilt */
    FragmentHeal(ChildCalls children, StripeCodec codec, HealProgress progress) {
        this.children = children;
        this.codec = codec;
        this.dataCount = codec.code().dataCount();
        this.progress = progress;
    }

    /**
     * Heals the file at {@code path}; returns the children healed (none when all were in
     * step). Fails when fewer than D fragments are in step or answer.
     */
    public ChildSet heal(FsPath path) throws FsException {
        ChildAnswers<byte[]> stamps = children.call(children.all(), (child, ops) -> ops
                .getxattr(Caller.ROOT, path, ChangeStamps.STAMP));
        ChildAnswers<AttrXattrs> answers = children.call(children.all(),
                (child, ops) -> ops.getattrXattrs(Caller.ROOT, path, INTERNAL_PREFIX));
        FragmentState[] states = new FragmentState[children.size()];
        for (int child : answers.ok().indexes()) {
            AttrXattrs found = answers.value(child);
            if (found.attr().type() != FileType.REGULAR) {
                throw new FsException(Errno.EINVAL, path + " is not a regular file");
            }
            states[child] = FragmentState.parse(found.xattrs().get(FragmentState.XATTR));
        }
        Freshness fresh = Freshness.of(states, dataCount);
        if (fresh == null) {
            throw answers.ok().size() < dataCount
                    ? answers.failure("heal of " + path + " reached fewer than " + dataCount
                            + " children:")
                    : new FsException(Errno.EIO, "fewer than " + dataCount + " fragments of "
                            + path + " are in step");
        }
        ChildSet stale = answers.ok().minus(fresh.children());
        ChildSet healed = ChildSet.NONE;
        if (!stale.isEmpty()) {
            long[] handles = new long[children.size()];
            Arrays.fill(handles, -1);
            try {
                open(path, fresh.children(), OpenFlags.RDONLY, handles);
                open(path, stale, OpenFlags.RDWR, handles);
                healed = rebuild(path, fresh, stale, handles);
            } finally {
                release(handles);
            }
        }
        clearMarks(path, fresh.children(), fresh.children().union(healed), answers, stamps);
        return healed;
    }

    /**
     * Clears, on each of {@code holders}, its marks against the children now in step, when
     * they count data changes only (a missed change of attributes or names is for another
     * heal) and the holder took no change since its stamp was read, before its state: the
     * brick refuses the clear otherwise (EAGAIN), and the marks stay for the next heal.
     */
    private void clearMarks(FsPath path, ChildSet holders, ChildSet inStep,
            ChildAnswers<AttrXattrs> answers, ChildAnswers<byte[]> stamps) {
        children.call(holders.intersect(stamps.ok()), (child, ops) -> {
            Map<String, byte[]> xattrs = answers.value(child).xattrs();
            ChildSet blamed = PendingCounters.blamed(xattrs, children.size());
            ChildSet cleared = blamed.intersect(inStep).filter(other -> dataOnly(xattrs.get(
                    PendingCounters.name(other))));
            if (!cleared.isEmpty()) {
                ops.setxattr(Caller.ROOT, path, ChangeStamps.CLEAR_IF_UNCHANGED, ChangeStamps
                        .clearRequest(stamps.value(child), cleared.indexes()), 0);
            }
            return Boolean.TRUE;
        });
    }

    private static boolean dataOnly(byte[] mark) {
        try {
            PendingCounters counters = PendingCounters.decode(mark);
            return counters.metadata() == 0 && counters.entry() == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ChildSet rebuild(FsPath path, Freshness fresh, ChildSet stale, long[] handles)
            throws FsException {
        ChildSet targets = stale.filter(child -> handles[child] >= 0);
        int[] wanted = targets.indexes();
        long length = codec.layout().fragmentSize(fresh.state().sizeBytes());
        for (long at = 0; at < length && !targets.isEmpty(); at += PIECE_BYTES_MAX) {
            int piece = (int) Math.min(PIECE_BYTES_MAX, length - at);
            byte[][] rebuilt = codec.rebuild(readFragments(fresh.children(), handles, at, piece),
                    wanted, piece);
            long offset = at;
            ChildAnswers<Integer> wrote = children.call(targets, (child, ops) -> ops.write(
                    handles[child], offset, rebuilt[indexOf(wanted, child)]));
            targets = wrote.ok();
            progress.copied((long) piece * targets.size());
        }
        ChildAnswers<Boolean> settled = children.call(targets, (child, ops) -> {
            ops.fsetattr(handles[child], SetAttr.truncate(length));
            ops.setxattr(Caller.ROOT, path, FragmentState.XATTR, fresh.state().bytes(), 0);
            return Boolean.TRUE;
        });
        return settled.ok();
    }

    /** D fragments' bytes from {@code at}, from whichever children in step answer. */
    private byte[][] readFragments(ChildSet fresh, long[] handles, long at, int length)
            throws FsException {
        byte[][] fragments = new byte[children.size()][];
        ChildAnswers<byte[]> failures = new ChildAnswers<>(children.size());
        int have = 0;
        for (int child : fresh.indexes()) {
            if (have == dataCount) {
                break;
            }
            if (handles[child] < 0) {
                continue;
            }
            try {
                byte[] read = children.child(child).read(handles[child], at, length);
                fragments[child] = read.length == length ? read : Arrays.copyOf(read, length);
                have++;
            } catch (FsException e) {
                failures.failed(child, e.errno());
            }
        }
        if (have < dataCount) {
            throw failures.failure("fewer than " + dataCount + " fragments in step answered:");
        }
        return fragments;
    }

    private void open(FsPath path, ChildSet targets, int flags, long[] handles) {
        ChildAnswers<Long> opened = children.call(targets, (child, ops) -> ops.open(Caller.ROOT,
                path, flags).handle());
        for (int child : opened.ok().indexes()) {
            handles[child] = opened.value(child);
        }
    }

    private void release(long[] handles) {
        ChildSet open = children.all().filter(child -> handles[child] >= 0);
        children.call(open, (child, ops) -> {
            ops.release(handles[child]);
            return Boolean.TRUE;
        });
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException(value + " not among " + Arrays.toString(values));
    }
}
