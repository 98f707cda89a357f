package io.bramble.fs.brick.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A brick's profile: nothing is counted until it is started ({@code volume profile start},
 * which sets Gluster's diagnostics.latency-measurement and diagnostics.count-fop-hits), then
 * every served operation is counted in two windows, cumulative since the start and the
 * current interval since the last {@code profile info}. Each start begins from zero. Calls
 * come from many disk workers at once; one lock guards both windows, held for a few array
 * updates.
 */
public final class BrickProfile {
    /** Read without the lock first, so that an unprofiled brick's calls never wait for it. */
    private volatile boolean on;
    private ProfileWindow cumulative;
    private ProfileWindow interval;
    private int intervalNumber;

    /** Starts counting from zero at {@code nowNs}; nothing changes when it counts already. */
    public synchronized void start(long nowNs) {
        if (!on) {
            on = true;
            clear(nowNs);
        }
    }

    /** Stops counting and drops what was counted. */
    public synchronized void stop() {
        on = false;
        cumulative = null;
        interval = null;
    }

    public boolean on() {
        return on;
    }

    /** Counts one call of {@code fop} that took {@code latencyNs}; nothing when stopped. */
    public void called(Fop fop, long latencyNs) {
        count(window -> window.called(fop, latencyNs));
    }

    /** Counts a read that returned {@code bytes}. */
    public void read(int bytes) {
        count(window -> window.read(bytes));
    }

    /** Counts a write of {@code bytes}. */
    public void written(int bytes) {
        count(window -> window.written(bytes));
    }

    /** {@code change} in both windows, when started. */
    private void count(Consumer<ProfileWindow> change) {
        if (!on) {
            return;
        }
        synchronized (this) {
            if (on) {
                change.accept(cumulative);
                change.accept(interval);
            }
        }
    }

    /**
     * The windows {@code view} shows, cumulative first; a view that opens a new interval
     * closes the current one (and {@link ProfileView#CLEAR} starts both again, returning
     * none). Empty when the profile is not started.
     */
    public synchronized List<ProfileStats> info(ProfileView view, long nowNs) {
        List<ProfileStats> shown = new ArrayList<>();
        if (!on) {
            return shown;
        }
        if (view == ProfileView.CLEAR) {
            clear(nowNs);
            return shown;
        }
        if (view.cumulative) {
            shown.add(cumulative.stats(ProfileStats.CUMULATIVE, nowNs));
        }
        if (view.interval) {
            shown.add(interval.stats(intervalNumber, nowNs));
        }
        if (view.newInterval) {
            interval = new ProfileWindow(nowNs);
            intervalNumber++;
        }
        return shown;
    }

    private void clear(long nowNs) {
        cumulative = new ProfileWindow(nowNs);
        interval = new ProfileWindow(nowNs);
        intervalNumber = 0;
    }
}
