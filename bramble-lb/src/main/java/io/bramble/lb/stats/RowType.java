package io.bramble.lb.stats;

/** The kind of a stats row, with HAProxy's CSV type number. */
public enum RowType {
    FRONTEND(0, "FRONTEND"), BACKEND(1, "BACKEND"), SERVER(2, null);

    private final int csvType;
    private final String fixedName;

    RowType(int csvType, String fixedName) {
        this.csvType = csvType;
        this.fixedName = fixedName;
    }

    public int csvType() {
        return csvType;
    }

    /** The svname HAProxy gives frontend and backend rows; null for servers. */
    public String fixedName() {
        return fixedName;
    }
}
