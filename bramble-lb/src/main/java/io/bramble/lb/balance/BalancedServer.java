package io.bramble.lb.balance;

import io.bramble.common.check.Checks;

/**
 * What an algorithm knows of a server: its position, weight, backup flag, connection limit and
 * current connections. The proxy owns one per configured server and tells the balancer when
 * any of it changes; algorithms read it, and only {@link Balancer} hooks write it.
 */
public final class BalancedServer {
    private final int index;
    private final String name;
    private final boolean backup;
    private final int maxconn;
    private final int initialWeight;
    private int weight;
    /** Sixteenths of the weight while warming up ({@code slowstart}), else 16. */
    private int warmth = SlowStart.FULL;
    /** The connection limit now: below {@link #maxconn} while warming up. */
    private int maxconnNow;
    private int activeConnections;
    private boolean usable;

    /**
     * @param index position in the backend's declaration order, from 0
     * @param name for messages
     * @param weight 0 to 256; 0 takes no new traffic
     * @param backup serves only when no primary is usable
     * @param maxconn concurrent connections allowed; 0 for no limit
     */
    public BalancedServer(int index, String name, int weight, boolean backup, int maxconn) {
        Checks.argument(index >= 0, "index must not be negative");
        Checks.argument(weight >= 0, "weight must not be negative");
        Checks.argument(maxconn >= 0, "maxconn must not be negative");
        this.index = index;
        this.name = name;
        this.weight = weight;
        this.initialWeight = weight;
        this.backup = backup;
        this.maxconn = maxconn;
        this.maxconnNow = maxconn;
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public boolean backup() {
        return backup;
    }

    public int maxconn() {
        return maxconn;
    }

    /** The current weight (the configured one unless changed at run time). */
    public int weight() {
        return weight;
    }

    /** The weight in the configuration, which static algorithms keep using. */
    public int initialWeight() {
        return initialWeight;
    }

    public int activeConnections() {
        return activeConnections;
    }

    /** Up and accepting new traffic (not DOWN, MAINT or DRAIN). */
    public boolean usable() {
        return usable;
    }

    /** Usable, with weight, and below its connection limit (lower while warming up). */
    public boolean hasRoom() {
        return usable && weight > 0 && (maxconnNow == 0 || activeConnections < maxconnNow);
    }

    /**
     * The weight the algorithms whose weights change live share traffic by, in sixteenths:
     * lower than {@code 16 x weight} while the server warms up ({@code slowstart}).
     */
    public int liveWeight() {
        return weight * warmth;
    }

    /** The weight as HAProxy's stats show it: the live weight rounded up to whole units. */
    public int shownWeight() {
        return (liveWeight() + SlowStart.FULL - 1) / SlowStart.FULL;
    }

    /** Sets the warm-up step; true when it changed. */
    boolean warm(int sixteenths, int maxconnValue) {
        boolean changed = warmth != sixteenths || maxconnNow != maxconnValue;
        warmth = sixteenths;
        maxconnNow = maxconnValue;
        return changed;
    }

    void setWeight(int value) {
        Checks.argument(value >= 0, "weight must not be negative");
        weight = value;
    }

    void setUsable(boolean value) { usable = value; }

    void take() {
        activeConnections++;
    }

    void release() {
        Checks.invariant(activeConnections > 0, "released more connections than taken on "
                + name);
        activeConnections--;
    }

    @Override
    public String toString() {
        return name;
    }
}
