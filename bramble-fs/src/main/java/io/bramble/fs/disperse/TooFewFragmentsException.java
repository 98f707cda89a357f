package io.bramble.fs.disperse;

/**
 * A decode was asked for with fewer fragments at hand than the code's data fragments: more
 * fragments are lost than the code has redundancy, and nothing can be rebuilt.
 */
public final class TooFewFragmentsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int available;
    private final int needed;

    TooFewFragmentsException(int available, int needed, int fragmentCount) {
        super("cannot rebuild: " + available + " of " + fragmentCount + " fragments available, "
                + needed + " needed (at most " + (fragmentCount - needed)
                + " may be lost)");
        this.available = available;
        this.needed = needed;
    }

    /** How many fragments the caller had. */
    public int available() {
        return available;
    }

    /** How many fragments a rebuild needs: the code's data fragment count. */
    public int needed() {
        return needed;
    }
}
