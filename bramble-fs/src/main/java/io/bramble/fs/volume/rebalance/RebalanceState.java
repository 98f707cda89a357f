package io.bramble.fs.volume.rebalance;

/** Where a node's rebalance of a volume is, with the words Gluster's status prints. */
public enum RebalanceState {
    FIX_LAYOUT_IN_PROGRESS("fix-layout in progress"), FIX_LAYOUT_STOPPED(
            "fix-layout stopped"), FIX_LAYOUT_COMPLETED("fix-layout completed"), FIX_LAYOUT_FAILED(
                    "fix-layout failed"), IN_PROGRESS("in progress"), STOPPED(
                            "stopped"), COMPLETED("completed"), FAILED("failed");

    private final String shown;

    RebalanceState(String shown) {
        this.shown = shown;
    }

    /** The words {@code volume rebalance NAME status} prints. */
    public String shown() {
        return shown;
    }

    /** Whether the run is over. */
    public boolean ended() {
        return this != FIX_LAYOUT_IN_PROGRESS && this != IN_PROGRESS;
    }

    /** Whether the run moves files, not only spreads folders. */
    public boolean movesFiles() {
        return !name().startsWith("FIX_LAYOUT");
    }
}
