package io.bramble.fs.replicate;

/** What each copy answered to one fanned-out call: a value, or an outcome code. */
final class Answers<T> {
    private final Object[] values;
    private final int[] codes;

    Answers(int replicaCount) {
        this.values = new Object[replicaCount];
        this.codes = new int[replicaCount];
        java.util.Arrays.fill(codes, Outcomes.NOT_SENT);
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

    int code(int child) {
        return codes[child];
    }

    /** The copies that answered with a value. */
    ChildSet ok() {
        ChildSet ok = ChildSet.NONE;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == Outcomes.TOOK) {
                ok = ok.with(i);
            }
        }
        return ok;
    }

    Outcomes outcomes() {
        return Outcomes.of(codes);
    }
}
