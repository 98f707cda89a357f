package io.bramble.pool.liveness;

/** A member's reachability as {@code peer status} shows it. */
public enum PeerState {
    CONNECTED("Connected"), DISCONNECTED("Disconnected");

    private final String shown;

    PeerState(String shown) {
        this.shown = shown;
    }

    /** The word gluster prints: {@code Connected} or {@code Disconnected}. */
    public String shown() {
        return shown;
    }
}
