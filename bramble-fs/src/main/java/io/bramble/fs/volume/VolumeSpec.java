package io.bramble.fs.volume;

import io.bramble.common.check.Checks;
import io.bramble.fs.disperse.ReedSolomon;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A volume as the cluster store keeps it. Bricks are in order: consecutive groups of
 * {@code replicaCount} bricks form a replica set; consecutive groups of {@code stripeCount}
 * sets form a stripe, and the stripes (or the sets, without stripe) are distribute's
 * subvolumes (Gluster's rule, so {@code volume create} lines mean the same thing here). A
 * disperse volume has neither: consecutive groups of {@code disperseCount} bricks form its
 * disperse sets, which are distribute's subvolumes.
 *
 * @param stripeCount the replica sets each file is striped over; 1 for no stripe
 * @param arbiter whether the last brick of each replica set is an arbiter (metadata only)
 * @param options the options set with {@code volume set}, by full name, in the order they
 *     were first set (oldest first)
 * @param disperseCount the bricks of each disperse set (D + M); 0 for no disperse
 * @param redundancyCount M, the bricks of each disperse set that may be lost; 0 for no
 *     disperse
 * @param retired the subvolumes {@code remove-brick} took or is taking, by number
 */
public record VolumeSpec(
        String name,
        UUID id,
        int stripeCount,
        int replicaCount,
        boolean arbiter,
        String transport,
        List<Brick> bricks,
        VolumeStatus status,
        Map<String, String> options,
        int disperseCount,
        int redundancyCount,
        RetiredSets retired) {
    /** Most bricks in one volume; bounds the store record and every command over bricks. */
    public static final int BRICKS_MAX = 256;
    /** Most options set on one volume. */
    public static final int OPTIONS_MAX = 128;
    /** The only transport bramble serves bricks over. */
    public static final String TRANSPORT_TCP = "tcp";

    /** Most replica sets one stripe spans: every brick of a volume. */
    public static final int STRIPE_COUNT_MAX = BRICKS_MAX;
    /** Most data bricks in a disperse set (Gluster's limit, and the erasure code's). */
    public static final int DATA_COUNT_MAX = ReedSolomon.DATA_FRAGMENTS_MAX;

    public VolumeSpec {
        bricks = List.copyOf(bricks);
        Checks.argument(options.keySet().stream().allMatch(k -> k != null)
                && options.values().stream().allMatch(v -> v != null), "null option");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        Checks.argument(replicaCount >= 1, "replica count must be at least 1");
        Checks.argument(stripeCount >= 1 && stripeCount <= STRIPE_COUNT_MAX,
                "stripe count must be 1 to " + STRIPE_COUNT_MAX);
        Checks.argument(!bricks.isEmpty() && bricks.size() % (replicaCount * stripeCount) == 0,
                "brick count must be a multiple of the stripe count times the replica count");
        Checks.argument(disperseCount == 0
                ? redundancyCount == 0
                : replicaCount == 1
                        && stripeCount == 1 && redundancyCount >= 1
                        && 2 * redundancyCount < disperseCount
                        && disperseCount - redundancyCount <= DATA_COUNT_MAX
                        && bricks.size() % disperseCount == 0,
                "a disperse set is of 3 or more bricks, without replica or stripe, with a"
                        + " redundancy of at least 1 and below half the set, at most "
                        + DATA_COUNT_MAX + " data bricks, and the brick count is a multiple of"
                        + " it");
        Checks.argument(bricks.size() <= BRICKS_MAX, "at most " + BRICKS_MAX + " bricks");
        Checks.argument(options.size() <= OPTIONS_MAX, "at most " + OPTIONS_MAX + " options");
        Checks.argument(!arbiter || replicaCount == 3, "an arbiter needs replica 3");
        int sets = bricks.size() / (disperseCount > 0
                ? disperseCount
                : replicaCount
                        * stripeCount);
        int lastNumber = retired.number(sets - 1);
        Checks.argument(retired.decommissioned().stream().allMatch(n -> n <= lastNumber),
                "a decommissioned subvolume is one of the volume's");
    }

    /** A volume that never lost a subvolume. */
    public VolumeSpec(String name, UUID id, int stripeCount, int replicaCount, boolean arbiter,
            String transport, List<Brick> bricks, VolumeStatus status,
            Map<String, String> options, int disperseCount, int redundancyCount) {
        this(name, id, stripeCount, replicaCount, arbiter, transport, bricks, status, options,
                disperseCount, redundancyCount, RetiredSets.NONE);
    }

    /** A volume without stripe. */
    public VolumeSpec(String name, UUID id, int replicaCount, boolean arbiter, String transport,
            List<Brick> bricks, VolumeStatus status, Map<String, String> options) {
        this(name, id, 1, replicaCount, arbiter, transport, bricks, status, options);
    }

    /** A volume without disperse. */
    public VolumeSpec(String name, UUID id, int stripeCount, int replicaCount, boolean arbiter,
            String transport, List<Brick> bricks, VolumeStatus status,
            Map<String, String> options) {
        this(name, id, stripeCount, replicaCount, arbiter, transport, bricks, status, options, 0,
                0);
    }

    /** A disperse volume: sets of {@code disperseCount} bricks, {@code redundancy} of each lost. */
    public static VolumeSpec disperse(String name, UUID id, int disperseCount, int redundancy,
            String transport, List<Brick> bricks, VolumeStatus status,
            Map<String, String> options) {
        return new VolumeSpec(name, id, 1, 1, false, transport, bricks, status, options,
                disperseCount, redundancy);
    }

    /** Whether files are spread over disperse sets (erasure coded). */
    public boolean dispersed() {
        return disperseCount > 0;
    }

    /** D, the data bricks of each disperse set; 0 for no disperse. */
    public int dataCount() {
        return disperseCount - redundancyCount;
    }

    /** The bricks of each of distribute's subvolumes: a disperse set, a stripe, a replica set. */
    public int setSize() {
        return dispersed() ? disperseCount : replicaCount * stripeCount;
    }

    /**
     * The bricks a brick is healed with, in groups from the first: its replica set, or its
     * disperse set; 1 when it has none.
     */
    public int healSetSize() {
        return dispersed() ? disperseCount : replicaCount;
    }

    /** The bricks of distribute's subvolume {@code index}, in order. */
    public List<Brick> set(int index) {
        return bricks.subList(index * setSize(), (index + 1) * setSize());
    }

    public VolumeType type() {
        return dispersed()
                ? VolumeType.disperse(bricks.size(), disperseCount)
                : VolumeType.of(bricks.size(), stripeCount, replicaCount);
    }

    /** The number of replica sets (single bricks without replicate). */
    public int subvolumeCount() {
        return bricks.size() / replicaCount;
    }

    /** The number of distribute's subvolumes: disperse sets, stripes, or replica sets. */
    public int distributeCount() {
        return bricks.size() / setSize();
    }

    /** The bricks of replica set {@code index}, in order. */
    public List<Brick> replicaSet(int index) {
        return bricks.subList(index * replicaCount, (index + 1) * replicaCount);
    }

    /** The arbiter's index within each replica set, or -1 when the volume has none. */
    public int arbiterInSet() {
        return arbiter ? replicaCount - 1 : -1;
    }

    /** Whether the brick at {@code index} (from 0) is its replica set's arbiter. */
    public boolean isArbiter(int index) {
        return arbiter && index % replicaCount == replicaCount - 1;
    }

    public VolumeSpec withStatus(VolumeStatus newStatus) {
        return new VolumeSpec(name, id, stripeCount, replicaCount, arbiter, transport, bricks,
                newStatus, options, disperseCount, redundancyCount, retired);
    }

    /** The volume with {@code replacement} in the place of brick {@code index}. */
    public VolumeSpec withBrick(int index, Brick replacement) {
        List<Brick> changed = new java.util.ArrayList<>(bricks);
        changed.set(index, replacement);
        return new VolumeSpec(name, id, stripeCount, replicaCount, arbiter, transport, changed,
                status, options, disperseCount, redundancyCount, retired);
    }

    /** The volume with {@code added} after its bricks: whole new subvolumes of its shape. */
    public VolumeSpec withBricksAdded(List<Brick> added) {
        List<Brick> grown = new java.util.ArrayList<>(bricks);
        grown.addAll(added);
        return new VolumeSpec(name, id, stripeCount, replicaCount, arbiter, transport, grown,
                status, options, disperseCount, redundancyCount, retired);
    }

    public VolumeSpec withOptions(Map<String, String> newOptions) {
        return new VolumeSpec(name, id, stripeCount, replicaCount, arbiter, transport, bricks,
                status, newOptions, disperseCount, redundancyCount, retired);
    }

    /** The number distribute's subvolume {@code index} is named by (see {@link RetiredSets}). */
    public int subvolumeNumber(int index) {
        return retired.number(index);
    }

    /** Whether distribute's subvolume {@code index} is being emptied by remove-brick. */
    public boolean isDecommissioned(int index) {
        return retired.isDecommissioned(subvolumeNumber(index));
    }

    /** The volume with the subvolumes at {@code indexes} (and no others) decommissioned. */
    public VolumeSpec withDecommissioned(List<Integer> indexes) {
        return new VolumeSpec(name, id, stripeCount, replicaCount, arbiter, transport, bricks,
                status, options, disperseCount, redundancyCount, retired.withDecommissioned(
                        indexes.stream().map(this::subvolumeNumber).toList()));
    }

    /**
     * The volume without the subvolumes at {@code indexes}: their bricks leave it, and their
     * numbers are never given again.
     */
    public VolumeSpec withSetsRemoved(List<Integer> indexes) {
        List<Brick> kept = new java.util.ArrayList<>();
        for (int i = 0; i < distributeCount(); i++) {
            if (!indexes.contains(i)) {
                kept.addAll(set(i));
            }
        }
        return new VolumeSpec(name, id, stripeCount, replicaCount, arbiter, transport, kept,
                status, options, disperseCount, redundancyCount, retired.withRemoved(indexes
                        .stream().map(this::subvolumeNumber).toList()));
    }
}
