package io.bramble.lb.stats;

import java.util.List;

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
 */
public record StatsReport(List<StatsProxy> proxies, String nodeName, String version, long pid,
        long uptimeS, long refreshS, boolean showNode, boolean admin) {
    public StatsReport {
        proxies = List.copyOf(proxies);
    }
}
