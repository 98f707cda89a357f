package io.bramble.cluster.model;

import io.bramble.common.check.Checks;

/**
 * Failures of one operation of a resource on a node, as the cluster records them
 * ({@code fail-count-RSC#OP_INTERVAL} and {@code last-failure-RSC#OP_INTERVAL}).
 *
 * @param resource the primitive that failed
 * @param node the node it failed on
 * @param operationKey the operation that failed, {@code monitor_10000} or {@code start_0}
 * @param count how many times (INFINITY at most)
 * @param lastFailureEpochSeconds when it last failed, seconds since the epoch
 */
public record FailCount(String resource, String node, String operationKey, int count,
        long lastFailureEpochSeconds) {
    public FailCount {
        Checks.argument(resource != null && node != null && operationKey != null,
                "a fail count needs a resource, a node and an operation");
        Checks.inRange(count, 0, Score.INFINITY, "fail count");
        Checks.argument(lastFailureEpochSeconds >= 0, "last failure must not be negative");
    }
}
