package io.bramble.lb.config;

/**
 * {@code balance ALGORITHM [ARGUMENTS]}.
 *
 * @param algorithm the algorithm
 * @param uriWhole {@code balance uri whole}: hash the query string too
 * @param uriLengthMax {@code len N}: hash only the first N characters; 0 for all
 * @param uriDepthMax {@code depth N}: hash only the first N directories; 0 for all
 * @param randomDraws {@code balance random(N)}: draws, the least loaded of them wins
 */
public record BalanceConfig(BalanceAlgorithm algorithm, boolean uriWhole, int uriLengthMax,
        int uriDepthMax, int randomDraws) {
    /** HAProxy draws two servers for {@code random} and keeps the less loaded. */
    public static final int RANDOM_DRAWS_DEFAULT = 2;
    public static final int RANDOM_DRAWS_MAX = 100;
    public static final BalanceConfig DEFAULT = of(BalanceAlgorithm.DEFAULT);

    public BalanceConfig {
        if (uriLengthMax < 0 || uriDepthMax < 0) {
            throw new IllegalArgumentException("uri len and depth must not be negative");
        }
        if (randomDraws < 1 || randomDraws > RANDOM_DRAWS_MAX) {
            throw new IllegalArgumentException(
                    "random draws must be 1 to " + RANDOM_DRAWS_MAX + ", got " + randomDraws);
        }
    }

    /** The algorithm with its default arguments. */
    public static BalanceConfig of(BalanceAlgorithm algorithm) {
        return new BalanceConfig(algorithm, false, 0, 0, RANDOM_DRAWS_DEFAULT);
    }
}
