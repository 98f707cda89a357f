package io.bramble.fs.volume;

/** What {@code volume info} prints on its {@code Type:} line. */
public enum VolumeType {
    DISTRIBUTE("Distribute"), REPLICATE("Replicate"), DISTRIBUTED_REPLICATE(
            "Distributed-Replicate");

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
        if (replica <= 1) {
            return DISTRIBUTE;
        }
        return bricks == replica ? REPLICATE : DISTRIBUTED_REPLICATE;
    }
}
