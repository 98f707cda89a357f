package io.bramble.cluster.coordinate;

import io.bramble.common.check.Checks;

/**
 * The timing that lets the coordinator start a lost node's resources elsewhere without fencing.
 * A node may run resources only while it holds a lease: {@code leaseMs} on its own clock from
 * the moment it sent a lease request the coordinator answered. When the lease runs out it
 * stops everything, and {@code stopMaxMs} later whatever has not stopped is killed (the node's
 * watchdog). The coordinator, which recorded when it answered, waits {@link #waitMs()} on its
 * own clock after its last answer before it counts the node's resources stopped.
 *
 * @param leaseMs how long a lease lasts from the request it answers, on the node's clock
 * @param renewMs how often a node asks for a new lease; well under {@code leaseMs}, so that a
 *     lost message or two does not end it
 * @param stopMaxMs how long a node's stops may take after its lease ended before it is reset
 * @param clockRatePpm the allowance for clock rates: any clock runs between
 *     {@code 1 - clockRatePpm/1e6} and {@code 1 + clockRatePpm/1e6} times real time
 * @param marginMs added to the wait, for rounding and for the time a decision takes to act
 */
public record LeaseTiming(long leaseMs, long renewMs, long stopMaxMs, long clockRatePpm,
        long marginMs) {
    /** 1.5 s leases renewed every 250 ms, 1 s to stop, clocks within 1 % of real time. */
    public static final LeaseTiming DEFAULTS = new LeaseTiming(1_500, 250, 1_000, 10_000, 50);

    private static final long PPM = 1_000_000L;

    public LeaseTiming {
        Checks.inRange(leaseMs, 1, 3_600_000, "leaseMs");
        Checks.inRange(renewMs, 1, leaseMs, "renewMs");
        Checks.inRange(stopMaxMs, 0, 3_600_000, "stopMaxMs");
        Checks.inRange(clockRatePpm, 0, PPM / 2, "clockRatePpm");
        Checks.inRange(marginMs, 0, 3_600_000, "marginMs");
    }

    /**
     * How long the coordinator waits after its last lease answer to a node before the node has
     * certainly stopped everything. The node's lease and stops end, on its clock,
     * {@code leaseMs + stopMaxMs} after it sent the request; a slow clock stretches that to at
     * most {@code (leaseMs + stopMaxMs) / (1 - r)} real time. The request was sent before the
     * coordinator answered it. The coordinator's clock, running fast, measures a real duration
     * {@code d} as at most {@code d (1 + r)}. So waiting
     * {@code (leaseMs + stopMaxMs) (1 + r) / (1 - r)} on its clock outlasts the node's lease.
     */
    public long waitMs() {
        long span = leaseMs + stopMaxMs;
        long scaled = Math.ceilDiv(span * (PPM + clockRatePpm), PPM - clockRatePpm);
        return scaled + marginMs;
    }
}
