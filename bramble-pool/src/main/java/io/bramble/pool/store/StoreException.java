package io.bramble.pool.store;

/** A change the store did not make; the message is fit to show to a user. */
public final class StoreException extends RuntimeException {
    /** Why a change was not made. */
    public enum Reason {
        /** Fewer than a majority of the voters are reachable. */
        NO_MAJORITY,
        /** The record's version was not the one the change expected. */
        VERSION_CONFLICT,
        /** The replicas did not answer in time, or the change was refused by a bound. */
        FAILED
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The message for a change refused for want of a majority. */
    public static StoreException noMajority(int reachable, int voters) {
        return new StoreException(Reason.NO_MAJORITY, "the pool has no majority: " + reachable
                + " of " + voters + " members reachable, a change needs " + (voters / 2 + 1));
    }
}
