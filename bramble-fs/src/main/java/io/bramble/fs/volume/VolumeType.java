package io.bramble.fs.volume;

/** What {@code volume info} prints on its {@code Type:} line. */
public enum VolumeType {
    DISTRIBUTE("Distribute"), REPLICATE("Replicate"), DISTRIBUTED_REPLICATE(
            "Distributed-Replicate"), STRIPE("Stripe"), DISTRIBUTED_STRIPE(
                    "Distributed-Stripe"), STRIPED_REPLICATE(
                            "Striped-Replicate"), DISTRIBUTED_STRIPED_REPLICATE(
                                    "Distributed-Striped-Replicate"), DISPERSE(
                                            "Disperse"), DISTRIBUTED_DISPERSE(
                                                    "Distributed-Disperse");

    private final String shown;

    VolumeType(String shown) {
        this.shown = shown;
    }

    /** The name Gluster prints. */
    public String shown() {
        return shown;
    }

    /** The type a volume of {@code bricks} bricks in sets of {@code replica} has. */
    public static VolumeType of(int bricks, int replica) {
        return of(bricks, 1, replica);
    }

    /** The type a volume of {@code bricks} bricks in disperse sets of {@code disperse} has. */
    public static VolumeType disperse(int bricks, int disperse) {
        return bricks > disperse ? DISTRIBUTED_DISPERSE : DISPERSE;
    }

    /**
     * The type a volume of {@code bricks} bricks has, striped over {@code stripe} sets of
     * {@code replica} (Gluster 3's names).
     */
    public static VolumeType of(int bricks, int stripe, int replica) {
        boolean distributed = bricks > stripe * replica;
        if (stripe > 1) {
            if (replica > 1) {
                return distributed ? DISTRIBUTED_STRIPED_REPLICATE : STRIPED_REPLICATE;
            }
            return distributed ? DISTRIBUTED_STRIPE : STRIPE;
        }
        if (replica <= 1) {
            return DISTRIBUTE;
        }
        return distributed ? DISTRIBUTED_REPLICATE : REPLICATE;
    }
}
