package io.bramble.lb.config;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code frontend}, {@code backend} or {@code listen} section, with the defaults section
 * in force above it already applied. Frontend-only parts are empty on a backend and the
 * reverse.
 *
 * @param name the section's name
 * @param kind frontend, backend or listen
 * @param location where the section starts
 * @param mode http or tcp
 * @param binds where it listens (frontend side)
 * @param maxconn concurrent client connections accepted (frontend side)
 * @param timeouts the timeout lines
 * @param connectionMode httpclose / http-server-close / http-keep-alive
 * @param forwardFor {@code option forwardfor}; empty when off
 * @param log where and how traffic is logged
 * @param acls declared ACLs, in file order
 * @param backendRules {@code use_backend} lines in order (frontend side)
 * @param defaultBackend {@code default_backend} (frontend side); a listen defaults to itself
 * @param requestRules {@code http-request} lines in order
 * @param responseRules {@code http-response} lines in order
 * @param redirects {@code redirect} lines in order
 * @param balance the algorithm (backend side)
 * @param servers in declaration order (backend side)
 * @param httpCheck {@code option httpchk}; TCP connect checks when it and tcpCheck are empty
 * @param tcpCheck {@code option tcp-check} and its script, or a protocol check
 *        ({@code option redis-check}...); at most one of httpCheck and tcpCheck is set
 * @param cookie cookie persistence; none when empty
 * @param reuse {@code http-reuse}: which requests may use an idle server connection
 * @param retries connection attempts to a server after the first fails
 * @param redispatch {@code option redispatch}: a retry may go to another server, even when
 *        the request was pinned by a cookie
 * @param stats the stats page served by this proxy; none when empty
 * @param errorFiles responses used when the load balancer answers by itself, by status
 * @param monitorUri {@code monitor-uri}: a request for exactly this URI is answered 200 by
 *        the frontend itself and not logged (frontend side, http mode)
 * @param tcpKeepAlive SO_KEEPALIVE on client connections (frontend side) and server
 *        connections (backend side)
 * @param allBackups {@code option allbackups}: with no primary server usable, the algorithm
 *        balances over every usable backup server, not only the first (backend side)
 * @param preferLastServer {@code option prefer-last-server}: with {@code http-reuse never}
 *        and an algorithm that does not hash, a client connection's next request goes to the
 *        server whose connection its last request left open, while that server has room
 *        (backend side)
 * @param logHealthChecks {@code option log-health-checks}: every check that changes a
 *        server's health counter or check status is logged, not only UP and DOWN (backend
 *        side)
 * @param tcpRequestRules {@code tcp-request connection} and {@code content} lines in order
 * @param source {@code source ADDR[:PORT]}: the local address of the connections to the
 *        servers that name none of their own; empty for the system's choice
 * @param inspectDelayMs {@code tcp-request inspect-delay}: how long content rules may wait for
 *        the client's bytes; 0 when unset, and they then look at once
 *        (frontend side)
 * @param stickTable the section's {@code stick-table}; none when empty
 * @param compression the section's {@code compression} lines
 */
public record ProxyConfig(
        String name,
        ProxyKind kind,
        ConfigLocation location,
        ProxyMode mode,
        List<BindConfig> binds,
        int maxconn,
        Timeouts timeouts,
        HttpConnectionMode connectionMode,
        Optional<ForwardFor> forwardFor,
        LogSettings log,
        List<AclConfig> acls,
        List<BackendRule> backendRules,
        Optional<String> defaultBackend,
        List<HttpRequestRule> requestRules,
        List<HttpResponseRule> responseRules,
        List<RedirectRule> redirects,
        BalanceConfig balance,
        List<ServerConfig> servers,
        Optional<HttpCheckConfig> httpCheck,
        Optional<TcpCheckConfig> tcpCheck,
        Optional<CookieConfig> cookie,
        int retries,
        boolean redispatch,
        Optional<StatsConfig> stats,
        Map<Integer, ErrorFile> errorFiles,
        ConnectionReuse reuse,
        Optional<String> monitorUri,
        TcpKeepAlive tcpKeepAlive,
        boolean allBackups,
        boolean preferLastServer,
        boolean logHealthChecks,
        List<TcpRequestRule> tcpRequestRules,
        Optional<StickTableConfig> stickTable,
        long inspectDelayMs,
        Optional<InetSocketAddress> source,
        CompressionConfig compression) {

    /**
     * This proxy with every server's {@code init-addr} ending in {@code none}, as HAProxy's
     * {@code -dr} has it: a server whose name does not resolve starts in maintenance.
     */
    public ProxyConfig withUnresolvedServersDisabled() {
        List<ServerConfig> disabled = servers.stream().map(s -> new ServerConfig(s.name(),
                s.address(), s.options(), s.location(), s.initAddr().orNone())).toList();
        return new ProxyConfig(name, kind, location, mode, binds, maxconn, timeouts,
                connectionMode, forwardFor, log, acls, backendRules, defaultBackend,
                requestRules, responseRules, redirects, balance, disabled, httpCheck, tcpCheck,
                cookie, retries, redispatch, stats, errorFiles, reuse, monitorUri,
                tcpKeepAlive, allBackups, preferLastServer, logHealthChecks, tcpRequestRules,
                stickTable,
                inspectDelayMs, source, compression);
    }

    /** HAProxy's per-proxy maxconn when none is set. */
    public static final int MAXCONN_DEFAULT = 2_000;
    /** HAProxy retries a failed connection 3 times by default. */
    public static final int RETRIES_DEFAULT = 3;
    public static final int RETRIES_MAX = 100;

    public ProxyConfig {
        binds = List.copyOf(binds);
        acls = List.copyOf(acls);
        backendRules = List.copyOf(backendRules);
        requestRules = List.copyOf(requestRules);
        responseRules = List.copyOf(responseRules);
        redirects = List.copyOf(redirects);
        tcpRequestRules = List.copyOf(tcpRequestRules);
        servers = List.copyOf(servers);
        errorFiles = Map.copyOf(errorFiles);
        if (httpCheck.isPresent() && tcpCheck.isPresent()) {
            throw new IllegalArgumentException("an HTTP check and a tcp-check script at once");
        }
        if (retries < 0 || retries > RETRIES_MAX) {
            throw new IllegalArgumentException(
                    "retries must be 0 to " + RETRIES_MAX + ", got " + retries);
        }
        if (maxconn < 1 || maxconn > GlobalSettings.MAXCONN_MAX) {
            throw new IllegalArgumentException(
                    "maxconn must be 1 to " + GlobalSettings.MAXCONN_MAX + ", got " + maxconn);
        }
    }

    /** The server of that name, if this proxy has one. */
    public Optional<ServerConfig> server(String serverName) {
        return servers.stream().filter(s -> s.name().equals(serverName)).findFirst();
    }

    /** The ACL lines of that name (several lines form one ACL). */
    public List<AclConfig> acl(String aclName) {
        return acls.stream().filter(a -> a.name().equals(aclName)).toList();
    }

    /** A builder holding HAProxy's defaults, for a section or a defaults section. */
    public static Builder builder(String name, ProxyKind kind, ConfigLocation location) {
        return new Builder(name, kind, location);
    }

    /**
     * Collects a section line by line. A defaults section is a builder too: each proxy starts
     * from {@link #copyFor} of the defaults in force.
     */
    public static final class Builder {
        public String name;
        public ProxyKind kind;
        public ConfigLocation location;
        public ProxyMode mode = ProxyMode.DEFAULT;
        public final List<BindConfig> binds = new ArrayList<>();
        public int maxconn = MAXCONN_DEFAULT;
        public Timeouts timeouts = Timeouts.NONE;
        public HttpConnectionMode connectionMode = HttpConnectionMode.DEFAULT;
        public Optional<ForwardFor> forwardFor = Optional.empty();
        public LogSettings log = LogSettings.NONE;
        public final List<AclConfig> acls = new ArrayList<>();
        public final List<BackendRule> backendRules = new ArrayList<>();
        public Optional<String> defaultBackend = Optional.empty();
        public final List<HttpRequestRule> requestRules = new ArrayList<>();
        public final List<HttpResponseRule> responseRules = new ArrayList<>();
        public final List<RedirectRule> redirects = new ArrayList<>();
        public BalanceConfig balance = BalanceConfig.DEFAULT;
        public final List<ServerConfig> servers = new ArrayList<>();
        /** The {@code default-server} options in force for the next server lines. */
        public ServerOptions defaultServer = ServerOptions.DEFAULTS;
        /** The {@code init-addr} of {@code default-server}, for the next server lines. */
        public InitAddr defaultInitAddr = InitAddr.DEFAULT;
        /** The {@code maxqueue} of {@code default-server}; see {@code ServerQueues}. */
        public int defaultMaxqueue;
        public Optional<HttpCheckConfig> httpCheck = Optional.empty();
        public Optional<TcpCheckConfig> tcpCheck = Optional.empty();
        public Optional<CookieConfig> cookie = Optional.empty();
        public int retries = RETRIES_DEFAULT;
        public boolean redispatch;
        public Optional<StatsConfig> stats = Optional.empty();
        public final Map<Integer, ErrorFile> errorFiles = new LinkedHashMap<>();
        public ConnectionReuse reuse = ConnectionReuse.DEFAULT;
        public Optional<String> monitorUri = Optional.empty();
        public TcpKeepAlive tcpKeepAlive = TcpKeepAlive.NONE;
        public boolean allBackups;
        public boolean preferLastServer;
        public boolean logHealthChecks;
        public final List<TcpRequestRule> tcpRequestRules = new ArrayList<>();
        /** Not inherited: a defaults section holds no table. */
        public Optional<StickTableConfig> stickTable = Optional.empty();
        public long inspectDelayMs;
        public Optional<InetSocketAddress> source = Optional.empty();
        public CompressionConfig compression = CompressionConfig.NONE;

        private Builder(String name, ProxyKind kind, ConfigLocation location) {
            this.name = name;
            this.kind = kind;
            this.location = location;
        }

        /** A new builder for a section that starts from everything set here. */
        public Builder copyFor(String sectionName, ProxyKind sectionKind,
                ConfigLocation sectionLocation) {
            Builder copy = new Builder(sectionName, sectionKind, sectionLocation);
            copy.mode = mode;
            copy.binds.addAll(binds);
            copy.maxconn = maxconn;
            copy.timeouts = timeouts;
            copy.connectionMode = connectionMode;
            copy.forwardFor = forwardFor;
            copy.log = log;
            copy.acls.addAll(acls);
            copy.backendRules.addAll(backendRules);
            copy.defaultBackend = defaultBackend;
            copy.requestRules.addAll(requestRules);
            copy.responseRules.addAll(responseRules);
            copy.redirects.addAll(redirects);
            copy.balance = balance;
            copy.servers.addAll(servers);
            copy.defaultServer = defaultServer;
            copy.defaultInitAddr = defaultInitAddr;
            copy.defaultMaxqueue = defaultMaxqueue;
            copy.httpCheck = httpCheck;
            copy.tcpCheck = tcpCheck;
            copy.cookie = cookie;
            copy.retries = retries;
            copy.redispatch = redispatch;
            copy.stats = stats;
            copy.errorFiles.putAll(errorFiles);
            copy.reuse = reuse;
            copy.monitorUri = monitorUri;
            copy.tcpKeepAlive = tcpKeepAlive;
            copy.allBackups = allBackups;
            copy.preferLastServer = preferLastServer;
            copy.logHealthChecks = logHealthChecks;
            copy.tcpRequestRules.addAll(tcpRequestRules);
            copy.inspectDelayMs = inspectDelayMs;
            copy.source = source;
            copy.compression = compression;
            return copy;
        }

        public ProxyConfig build() {
            return new ProxyConfig(name, kind, location, mode, binds, maxconn, timeouts,
                    connectionMode, forwardFor, log, acls, backendRules, defaultBackend,
                    requestRules, responseRules, redirects, balance, servers, httpCheck, tcpCheck,
                    cookie, retries, redispatch, stats, errorFiles, reuse, monitorUri,
                    tcpKeepAlive, allBackups, preferLastServer, logHealthChecks, tcpRequestRules,
                    stickTable,
                    inspectDelayMs, source, compression);
        }
    }
}
