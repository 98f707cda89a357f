package io.bramble.fs.replicate;

/**
 * Whether a change may be sent, decided before anything is written.
 *
 * @param errno the errno to fail with when refused
 * @param staleChild the child the tie-breaker must record first, or -1
 */
public record Admission(Type type, int errno, int staleChild) {
    public enum Type {
        GO,
        /** Replica 2 with one copy reachable: the tie-breaker records the other first. */
        TIE_BREAKER_FIRST, REFUSE
    }

    static Admission go() {
        return new Admission(Type.GO, 0, -1);
    }

    static Admission tieBreakerFirst(int staleChild) {
        return new Admission(Type.TIE_BREAKER_FIRST, 0, staleChild);
    }

    static Admission refuse(int errno) {
        return new Admission(Type.REFUSE, errno, -1);
    }
}
