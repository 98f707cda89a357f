package io.bramble.lb.check;

import io.bramble.common.check.Checks;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.ServerOptions;

/**
 * The health of one server, HAProxy's way: a counter from 0 to rise+fall-1; the server is UP
 * while it is at least {@code rise}. {@code fall} consecutive failures take a fully healthy
 * server DOWN, {@code rise} consecutive successes bring a DOWN server UP. A live connection
 * refused or reset takes a checked server DOWN at once; its checks bring it back. Servers
 * without checks are always up. Not thread-safe: one owner drives it (the caller locks).
 */
public final class ServerHealth {
    private final boolean checked;
    private final int rise;
    private final int fall;
    private final long interMs;
    private final long fastInterMs;
    private final long downInterMs;
    private final Clock clock;

    private int health;
    private boolean up;
    private AdminState admin;
    private CheckResult lastResult;
    /** A check passed since this process started (carried over by a reload). */
    private boolean passedOnce;
    private long lastChangeNanos;
    private long downSinceNanos;
    private long downtimeNanos;
    private long failedChecks;
    private long downTransitions;

    /** A server as configured: UP at start (HAProxy's choice), MAINT if {@code disabled}. */
    public ServerHealth(ServerOptions options, Clock clock) {
        this.checked = options.check();
        this.rise = options.rise();
        this.fall = options.fall();
        this.interMs = options.interMs();
        this.fastInterMs = options.effectiveFastInterMs();
        this.downInterMs = options.effectiveDownInterMs();
        this.clock = clock;
        this.health = rise;
        this.up = true;
        this.admin = options.disabled() ? AdminState.MAINT : AdminState.READY;
        this.lastChangeNanos = clock.nanoTime();
        this.downSinceNanos = -1;
    }

    /**
     * The health of a server that stays across a reload: UP or DOWN, admin state, last check,
     * downtime and counters carry over, so a reload never makes a server flap. The admin state
     * is the new configuration's when its {@code disabled} flag changed.
     */
    public static ServerHealth carryOver(ServerHealth old, ServerOptions oldOptions,
            ServerOptions options, Clock clock) {
        ServerHealth next = new ServerHealth(options, clock);
        next.up = old.up || !options.check();
        next.health = next.up ? options.rise() + options.fall() - 1 : 0;
        if (old.up && old.health < old.rise + old.fall - 1) {
            next.health = Math.max(options.rise(), next.health - (old.rise + old.fall - 1
                    - old.health));
        }
        if (oldOptions.disabled() == options.disabled()) {
            next.admin = old.admin;
        }
        next.lastResult = old.lastResult;
        next.passedOnce = old.passedOnce;
        next.lastChangeNanos = old.lastChangeNanos;
        next.downSinceNanos = old.downSinceNanos;
        next.downtimeNanos = old.downtimeNanos;
        next.failedChecks = old.failedChecks;
        next.downTransitions = old.downTransitions;
        return next;
    }

    /** Applies one active check's result. */
    public HealthChange onCheck(CheckResult result) {
        boolean before = takesNewTraffic();
        lastResult = result;
        if (result.success()) {
            passedOnce = true;
            onSuccess();
        } else {
            failedChecks++;
            onFailure();
        }
        return change(before);
    }

    /**
     * A live request could not connect to the server or was reset: a checked server goes
     * DOWN at once, without waiting for {@code fall} checks. An unchecked server stays up
     * (nothing would bring it back), the caller still retries elsewhere.
     */
    public HealthChange onLiveFailure(String info, long durationMs) {
        if (!checked || !up) {
            return HealthChange.NONE;
        }
        boolean before = takesNewTraffic();
        lastResult = CheckResult.of(CheckStatus.LIVE, info, durationMs);
        failedChecks++;
        goDown();
        return change(before);
    }

    /** The operator set READY, DRAIN or MAINT. */
    public HealthChange setAdmin(AdminState state) {
        boolean before = takesNewTraffic();
        if (state != admin) {
            admin = state;
            lastChangeNanos = clock.nanoTime();
        }
        return change(before);
    }

    /** Up, READY: the balancer may choose it. */
    public boolean takesNewTraffic() {
        return up && admin == AdminState.READY;
    }

    /**
     * Fit to stand behind a virtual address: takes new traffic and, when checked, some check
     * passed since the process started. The UP/DOWN state decides, with its {@code fall}
     * hysteresis, not the last check: a check that failed because this node's own link was
     * down for a moment (it may end just after the link is back) must not give the address
     * away. Only a fresh process, UP before any check as HAProxy has it, waits for a check.
     */
    public boolean proven() {
        return takesNewTraffic() && (!checked || passedOnce);
    }

    /** Up and not in MAINT: requests pinned to it by a cookie still reach it (DRAIN too). */
    public boolean takesPersistentTraffic() {
        return up && admin != AdminState.MAINT;
    }

    /** True while checks should run (checked and not in MAINT). */
    public boolean checksRun() {
        return checked && admin != AdminState.MAINT;
    }

    /**
     * Time to the next check: inter when fully up, fastinter while going up or down, downinter
     * when fully down.
     */
    public long nextCheckDelayMs() {
        if (up && health == rise + fall - 1) {
            return interMs;
        }
        if (!up && health == 0) {
            return downInterMs;
        }
        return fastInterMs;
    }

    /** The state shown on the stats page. */
    public ServerState state() {
        if (admin == AdminState.MAINT) {
            return ServerState.MAINT;
        }
        if (!checked) {
            return admin == AdminState.DRAIN ? ServerState.DRAIN : ServerState.NO_CHECK;
        }
        if (up) {
            if (admin == AdminState.DRAIN) {
                return ServerState.DRAIN;
            }
            boolean failing = lastResult != null && !lastResult.success();
            return failing && health < rise + fall - 1 ? ServerState.GOING_DOWN : ServerState.UP;
        }
        return health > 0 ? ServerState.GOING_UP : ServerState.DOWN;
    }

    /**
     * HAProxy's status text: {@code UP}, {@code DOWN}, {@code UP 1/3} (going down: one failure
     * of three), {@code DOWN 1/2} (going up: one success of two), {@code MAINT},
     * {@code DRAIN}, {@code no check}.
     */
    public String statusText() {
        ServerState state = state();
        return switch (state) {
            case GOING_DOWN -> "UP " + (rise + fall - 1 - health) + "/" + fall;
            case GOING_UP -> "DOWN " + health + "/" + rise;
            default -> state.word();
        };
    }

    public AdminState admin() {
        return admin;
    }

    public boolean up() {
        return up;
    }

    public boolean checked() {
        return checked;
    }

    /** The last check's result; null before the first check. */
    public CheckResult lastResult() {
        return lastResult;
    }

    /** Total time spent DOWN, including the current stretch. */
    public long downtimeMs() {
        long total = downtimeNanos;
        if (downSinceNanos >= 0) {
            total += clock.nanoTime() - downSinceNanos;
        }
        return total / 1_000_000L;
    }

    /** Time since the last state change. */
    public long sinceLastChangeMs() {
        return (clock.nanoTime() - lastChangeNanos) / 1_000_000L;
    }

    /** HAProxy's health counter: 0 (fully down) to rise+fall-1 (fully up). */
    /** Consecutive successes that bring the server UP. */
    public int rise() {
        return rise;
    }

    /** Consecutive failures that take a fully healthy server DOWN. */
    public int fall() {
        return fall;
    }

    public int healthCounter() {
        return health;
    }

    /** Failed checks so far, live failures included. */
    public long failedChecks() {
        return failedChecks;
    }

    /** How many times the server went from UP to DOWN. */
    public long downTransitions() {
        return downTransitions;
    }

    private void onSuccess() {
        if (up) {
            health = rise + fall - 1;
            return;
        }
        health++;
        if (health >= rise) {
            health = rise + fall - 1;
            up = true;
            downtimeNanos += clock.nanoTime() - downSinceNanos;
            downSinceNanos = -1;
            lastChangeNanos = clock.nanoTime();
        }
    }

    private void onFailure() {
        if (!up) {
            health = 0;
            return;
        }
        health--;
        if (health < rise) {
            goDown();
        }
    }

    private void goDown() {
        Checks.invariant(up, "only an UP server goes down");
        health = 0;
        up = false;
        downSinceNanos = clock.nanoTime();
        lastChangeNanos = downSinceNanos;
        downTransitions++;
    }

    private HealthChange change(boolean before) {
        boolean after = takesNewTraffic();
        if (before == after) {
            return HealthChange.NONE;
        }
        return after ? HealthChange.NOW_USABLE : HealthChange.NOW_UNUSABLE;
    }
}
