package io.bramble.lvs.check;

/** One attempt of a checker: blocking, bounded by the checker's timeouts. */
public interface Probe {
    /** The attempt's outcome. */
    record Result(boolean passed, int dynamicWeight, String detail) {
        public static Result pass() {
            return new Result(true, -1, "");
        }

        public static Result fail(String detail) {
            return new Result(false, -1, detail);
        }
    }

    Result attempt() throws InterruptedException;
}
