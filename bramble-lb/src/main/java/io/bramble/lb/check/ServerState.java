package io.bramble.lb.check;

/**
 * A server's state as the stats page shows it, with HAProxy's CSV spelling and the colour
 * class the HTML page uses.
 */
public enum ServerState {
    UP("UP", "up"),
    /** Up, but the last checks failed: {@code UP 1/3}. */
    GOING_DOWN("UP", "going-down"), DOWN("DOWN", "down"),
    /** Down, but the last checks passed: {@code DOWN 1/2}. */
    GOING_UP("DOWN", "going-up"), MAINT("MAINT", "maint"), DRAIN("DRAIN", "drain"),
    /** Not checked: always considered up. */
    NO_CHECK("no check", "no-check");

    private final String word;
    private final String cssClass;

    ServerState(String word, String cssClass) {
        this.word = word;
        this.cssClass = cssClass;
    }

    /** The first word of the status, as in HAProxy's CSV. */
    public String word() {
        return word;
    }

    /** The class of the server's row on the HTML page. */
    public String cssClass() {
        return cssClass;
    }
}
