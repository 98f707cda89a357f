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
 * @param scopes {@code stats scope NAME} lines: the only proxies the page shows ({@code .} is
 *        the proxy serving the page); every proxy when empty
 * @param description {@code stats show-desc [TEXT]}: the text shown under the title (the
 *        global {@code description} when the line gives none); nothing when empty
 */
public record StatsConfig(String uri, String realm, List<StatsCredential> credentials,
        boolean hideVersion, long refreshMs, Optional<Condition> admin, boolean showNode,
        Optional<String> showNodeName, boolean showLegends, List<String> scopes,
        Optional<String> description) {
    public static final String URI_DEFAULT = "/haproxy?stats";
    public static final String REALM_DEFAULT = "HAProxy Statistics";
    public static final long REFRESH_MS_NONE = 0;
    /** The suffix of the URI that asks for CSV, as HAProxy reads it. */
    public static final String CSV_SUFFIX = ";csv";

    public StatsConfig {
        credentials = List.copyOf(credentials);
        scopes = List.copyOf(scopes);
    }

    /** Whether the page of proxy {@code own} shows proxy {@code name}. */
    public boolean inScope(String name, String own) {
        return scopes.isEmpty() || scopes.contains(name) || name.equals(own)
                && scopes.contains(".");
    }

    /** {@code stats enable} alone. */
    public static StatsConfig defaults() {
        return new StatsConfig(URI_DEFAULT, REALM_DEFAULT, List.of(), false, REFRESH_MS_NONE,
                Optional.empty(), false, Optional.empty(), false, List.of(), Optional.empty());
    }
}
