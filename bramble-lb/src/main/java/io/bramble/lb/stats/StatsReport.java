package io.bramble.lb.stats;

import java.util.List;
import java.util.Optional;

/**
 * Everything a stats page shows.
 *
 * @param proxies every proxy in configuration order
 * @param nodeName the node's name (shown with {@code stats show-node})
 * @param version bramble's version, empty with {@code stats hide-version}
 * @param pid the process id
 * @param uptimeS seconds since start
 * @param refreshS seconds between page reloads, 0 for none
 * @param showNode show the node name
 * @param admin the viewer may change server states
 * @param description {@code stats show-desc}: shown under the title; nothing when empty
 */
public record StatsReport(List<StatsProxy> proxies, String nodeName, String version, long pid,
        long uptimeS, long refreshS, boolean showNode, boolean admin,
        Optional<String> description) {
    public StatsReport {
        proxies = List.copyOf(proxies);
    }

    /** A report without a description. */
    public StatsReport(List<StatsProxy> proxies, String nodeName, String version, long pid,
            long uptimeS, long refreshS, boolean showNode, boolean admin) {
        this(proxies, nodeName, version, pid, uptimeS, refreshS, showNode, admin,
                Optional.empty());
    }
}
