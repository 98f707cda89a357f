package io.bramble.fs.replicate;

/**
 * What becomes of a change once the children answered.
 *
 * @param errno the errno to fail with when refused
 * @param blame the children the takers must blame before the change is acknowledged
 * @param selfBlame when refused: whether the takers must blame their own copies, because a
 *     good copy did not take the change and reads must keep going there
 * @param staleChild when the tie-breaker must be asked: the child to record as stale
 */
public record Verdict(Type type, int errno, ChildSet blame, boolean selfBlame, int staleChild) {
    public enum Type {
        ACKNOWLEDGED, ASK_TIE_BREAKER, REFUSED
    }

    static Verdict acknowledged(ChildSet blame) {
        return new Verdict(Type.ACKNOWLEDGED, 0, blame, false, -1);
    }

    static Verdict askTieBreaker(int staleChild) {
        return new Verdict(Type.ASK_TIE_BREAKER, 0, ChildSet.NONE, false, staleChild);
    }

    static Verdict refused(int errno, boolean selfBlame) {
        return new Verdict(Type.REFUSED, errno, ChildSet.NONE, selfBlame, -1);
    }

    public boolean acknowledged() {
        return type == Type.ACKNOWLEDGED;
    }
}
