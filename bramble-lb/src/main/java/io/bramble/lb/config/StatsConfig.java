package io.bramble.lb.config;

import java.util.List;
import java.util.Optional;

/**
 * The {@code stats ...} lines of a proxy: the status page and its admin controls.
 *
 * @param uri the path prefix serving the page; {@value #URI_DEFAULT} by default
 * @param realm the basic-auth realm; {@value #REALM_DEFAULT} by default
 * @param credentials who may see the page; anyone when empty
 * @param hideVersion do not show the version on the page
 * @param refreshMs ask the browser to reload every so often; 0 for never
 * @param admin when the page offers server controls (READY/DRAIN/MAINT); never when empty
 * @param showNode show the node name on the page
 * @param showNodeName the name {@code show-node NAME} gives; the global node or host name
 *        when empty
 * @param showLegends {@code stats show-legends}
 */
public record StatsConfig(String uri, String realm, List<StatsCredential> credentials,
        boolean hideVersion, long refreshMs, Optional<Condition> admin, boolean showNode,
        Optional<String> showNodeName, boolean showLegends) {
    public static final String URI_DEFAULT = "/haproxy?stats";
    public static final String REALM_DEFAULT = "HAProxy Statistics";
    public static final long REFRESH_MS_NONE = 0;
    /** The suffix of the URI that asks for CSV, as HAProxy reads it. */
    public static final String CSV_SUFFIX = ";csv";

    public StatsConfig {
        credentials = List.copyOf(credentials);
    }

    /** {@code stats enable} alone. */
    public static StatsConfig defaults() {
        return new StatsConfig(URI_DEFAULT, REALM_DEFAULT, List.of(), false, REFRESH_MS_NONE,
                Optional.empty(), false, Optional.empty(), false);
    }
}
