package io.bramble.cluster.pcs;

/**
 * What a live cluster's CIB says of its last change, which {@code pcs status} shows as
 * {@code Last change:}: when ({@code cib-last-written}, in ctime's words), through which client
 * and on which node.
 *
 * @param lastWritten the time in ctime's words ({@code Sun Dec  6 02:05:27 2026})
 * @param client the program that made the change
 * @param origin the node it was made on
 */
public record CibStamp(String lastWritten, String client, String origin) {
    /** A copy of {@code cib} carrying this stamp. */
    public CibElement on(CibElement cib) {
        CibElement copy = cib.copy();
        copy.set("cib-last-written", lastWritten);
        copy.set("update-client", client);
        copy.set("update-origin", origin);
        return copy;
    }
}
