package io.bramble.fs.brick.profile;

import java.util.Arrays;
import java.util.Optional;

/**
 * What {@code volume profile NAME info [...]} shows of each brick's windows, and whether it
 * opens a new interval, as in Gluster.
 */
public enum ProfileView {
    /** {@code info}: both windows; a new interval begins. */
    BOTH("", true, true, true),
    /** {@code info peek}: both windows, the interval left running. */
    PEEK("peek", true, true, false),
    /** {@code info incremental}: the interval only; a new one begins. */
    INCREMENTAL("incremental", false, true, true),
    /** {@code info incremental peek}: the interval only, left running. */
    INCREMENTAL_PEEK("incremental peek", false, true, false),
    /** {@code info cumulative}: the cumulative window only. */
    CUMULATIVE("cumulative", true, false, false),
    /** {@code info clear}: both windows start again from zero. */
    CLEAR("clear", false, false, true);

    private final String words;
    final boolean cumulative;
    final boolean interval;
    final boolean newInterval;

    ProfileView(String words, boolean cumulative, boolean interval, boolean newInterval) {
        this.words = words;
        this.cumulative = cumulative;
        this.interval = interval;
        this.newInterval = newInterval;
    }

    /** The words after {@code info}, separated by one space. */
    public String words() {
        return words;
    }

    public static Optional<ProfileView> of(String words) {
        return Arrays.stream(values()).filter(v -> v.words.equals(words)).findFirst();
    }
}
