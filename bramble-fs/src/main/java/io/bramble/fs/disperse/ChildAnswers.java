package io.bramble.fs.disperse;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.replicate.ChildSet;
import io.bramble.fs.replicate.Outcomes;
import java.util.Arrays;

/** What each child of a disperse set answered to one call: a value, or an errno. */
final class ChildAnswers<T> {
    private final Object[] values;
    private final int[] codes;

    ChildAnswers(int childCount) {
        this.values = new Object[childCount];
        this.codes = new int[childCount];
        Arrays.fill(codes, Outcomes.NOT_SENT);
    }

    void answered(int child, T value) {
        values[child] = value;
        codes[child] = Outcomes.TOOK;
    }

    void failed(int child, int errno) {
        codes[child] = errno;
    }

    @SuppressWarnings("unchecked")
    T value(int child) {
        return (T) values[child];
    }

    /** The children that answered with a value. */
    ChildSet ok() {
        ChildSet ok = ChildSet.NONE;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == Outcomes.TOOK) {
                ok = ok.with(i);
            }
        }
        return ok;
    }

    /** The children that failed with {@code errno}. */
    ChildSet failedWith(int errno) {
        ChildSet failed = ChildSet.NONE;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == errno) {
                failed = failed.with(i);
            }
        }
        return failed;
    }

    /**
     * The failure to report when too few children answered: the errno the children agree on
     * (ENOTCONN when they were down), as {@link Outcomes#failureErrno} picks it.
     */
    FsException failure(String what) {
        Outcomes outcomes = Outcomes.of(codes);
        int errno = outcomes.failed().isEmpty() ? Errno.EIO : outcomes.failureErrno();
        return new FsException(errno, what + " " + outcomes);
    }
}
