package io.bramble.fs.replicate;

import io.bramble.fs.ops.Errno;
import java.util.Arrays;

/**
 * What each child of a replica set did with one change: took it, was not sent it, or failed
 * with an errno. Immutable.
 */
public final class Outcomes {
    public static final int TOOK = 0;
    public static final int NOT_SENT = -1;

    private final int[] codes;

    private Outcomes(int[] codes) {
        this.codes = codes;
    }

    /** One code per child: {@link #TOOK}, {@link #NOT_SENT} or a positive errno. */
    public static Outcomes of(int... codes) {
        for (int code : codes) {
            if (code < NOT_SENT) {
                throw new IllegalArgumentException("bad outcome code " + code);
            }
        }
        return new Outcomes(codes.clone());
    }

    public int replicaCount() {
        return codes.length;
    }

    public int code(int child) {
        return codes[child];
    }

    public ChildSet takers() {
        return matching(TOOK);
    }

    public ChildSet failed() {
        ChildSet failed = ChildSet.NONE;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] > 0) {
                failed = failed.with(i);
            }
        }
        return failed;
    }

    /** The children that failed with {@code errno}. */
    public ChildSet failedWith(int errno) {
        return errno > 0 ? matching(errno) : ChildSet.NONE;
    }

    /**
     * The children whose answer was lost ({@link #isLostConnection}): each may have taken the
     * change without saying so.
     */
    public ChildSet lostAnswers() {
        ChildSet lost = ChildSet.NONE;
        for (int i = 0; i < codes.length; i++) {
            if (isLostConnection(codes[i])) {
                lost = lost.with(i);
            }
        }
        return lost;
    }

    private ChildSet matching(int code) {
        ChildSet set = ChildSet.NONE;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == code) {
                set = set.with(i);
            }
        }
        return set;
    }

    /** The outcomes with {@code child} failed with {@code errno} instead. */
    public Outcomes withFailure(int child, int errno) {
        int[] next = codes.clone();
        next[child] = errno;
        return new Outcomes(next);
    }

    /**
     * The errno the failures stand for: theirs when they agree; else the one errno that is not
     * a lost connection when there is one (ENOSPC beside ENOTCONN says more); else EIO.
     */
    public int failureErrno() {
        return failureErrno(ChildSet.all(codes.length));
    }

    /** {@link #failureErrno()} of the failures of {@code among} alone; EIO when none failed. */
    public int failureErrno(ChildSet among) {
        int agreed = 0;
        int answered = 0;
        boolean disagree = false;
        boolean answersDisagree = false;
        for (int child : among.indexes()) {
            int code = codes[child];
            if (code <= 0) {
                continue;
            }
            disagree |= agreed != 0 && code != agreed;
            agreed = agreed == 0 ? code : agreed;
            if (!isLostConnection(code)) {
                answersDisagree |= answered != 0 && code != answered;
                answered = answered == 0 ? code : answered;
            }
        }
        if (agreed == 0) {
            return Errno.EIO;
        }
        if (!disagree) {
            return agreed;
        }
        return answered != 0 && !answersDisagree ? answered : Errno.EIO;
    }

    static boolean isLostConnection(int errno) {
        return errno == Errno.ENOTCONN || errno == Errno.ETIMEDOUT;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Outcomes outcomes && Arrays.equals(codes, outcomes.codes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < codes.length; i++) {
            text.append(i == 0 ? "" : " ").append(switch (codes[i]) {
                case TOOK -> "took";
                case NOT_SENT -> "-";
                default -> Errno.name(codes[i]);
            });
        }
        return text.append(']').toString();
    }
}
