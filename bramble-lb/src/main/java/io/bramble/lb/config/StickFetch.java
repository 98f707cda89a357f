package io.bramble.lb.config;

import java.util.Optional;

/**
 * What an ACL on a stick table reads: {@code sc_DATA(N[,TABLE])} and {@code scN_DATA([TABLE])}
 * the entry stick counter N tracks, {@code src_DATA([TABLE])} the client address's entry,
 * {@code table_cnt([TABLE])} how many entries a table holds.
 *
 * @param source whose entry
 * @param counter the stick counter for {@link Source#TRACKED}; 0 otherwise
 * @param data the datum read; unused by {@link Source#TABLE_COUNT}
 * @param increment {@code inc_gpc0}: gpc0 is raised by one before it is read
 * @param table the table named; for a tracked counter empty means the one it tracks; for the
 *        others the ACL's own proxy when not written
 */
public record StickFetch(Source source, int counter, StickDataType data, boolean increment,
        Optional<String> table) {
    /** Whose entry a fetch reads. */
    public enum Source {
        TRACKED, CLIENT_ADDRESS, TABLE_COUNT
    }
}
