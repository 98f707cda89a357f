package io.bramble.lb.proxy;

import io.bramble.lb.acl.AclSet;
import io.bramble.lb.acl.CompiledCondition;
import io.bramble.lb.config.BackendRule;
import io.bramble.lb.config.HttpConnectionMode;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.Timeouts;
import io.bramble.lb.log.AccessLog;
import io.bramble.lb.stats.RowType;
import io.bramble.lb.stats.StatsRow;
import io.bramble.lb.stats.TrafficCounters;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A frontend (or the frontend half of a listen) at run time: its rules, backend choice,
 * stats endpoint, log and counters.
 */
final class Frontend {
    final ProxyConfig config;
    final TrafficCounters counters;
    final RequestRules requestRules;
    final ResponseRules responseRules;
    final ErrorPages errorPages;
    final AccessLog log;
    final StatsService stats;
    /** The answer of {@code http-request use-service prometheus-exporter}. */
    final Supplier<FullHttpResponse> exporter;
    final int proxyId;
    /** Its generation was replaced by a reload: connections close once their exchange ends. */
    volatile boolean retiring;
    private final List<Choice> choices;
    /** {@code tcp-request connection} and {@code content} rules. */
    final TcpRequestRules tcpRequestRules;
    private final Backend defaultBackend;

    private record Choice(Backend backend, CompiledCondition condition) {}

    Frontend(ProxyConfig config, int proxyId, Map<String, Backend> backends, AccessLog log,
            StatsService stats) {
        this(config, proxyId, backends, log, stats, () -> null, new TrafficCounters());
    }

    /**
     * @param exporter the Prometheus text of every proxy, for the use-service rules
     * @param counters shared with the frontend of the same name before a reload
     */
    Frontend(ProxyConfig config, int proxyId, Map<String, Backend> backends, AccessLog log,
            StatsService stats, Supplier<FullHttpResponse> exporter, TrafficCounters counters) {
        this.config = config;
        this.counters = counters;
        this.proxyId = proxyId;
        this.log = log;
        this.stats = stats;
        this.exporter = exporter;
        AclSet acls = new AclSet(config.acls());
        this.requestRules = new RequestRules(config, acls);
        this.tcpRequestRules = new TcpRequestRules(config, acls);
        this.responseRules = new ResponseRules(config, acls);
        this.errorPages = new ErrorPages(config.errorFiles());
        List<Choice> built = new ArrayList<>();
        for (BackendRule rule : config.backendRules()) {
            built.add(new Choice(backend(backends, rule.backend(), rule.location().toString()),
                    acls.compile(rule.condition())));
        }
        this.choices = List.copyOf(built);
        if (config.defaultBackend().isPresent()) {
            this.defaultBackend = backend(backends, config.defaultBackend().get(),
                    config.location().toString());
        } else {
            this.defaultBackend = config.kind().hasBackend()
                    ? backends.get(config.name())
                    : null;
        }
    }

    String name() {
        return config.name();
    }

    /** The backend for a request: the first matching use_backend, else the default. */
    Backend chooseBackend(io.bramble.lb.acl.RequestFacts request) {
        for (Choice choice : choices) {
            if (choice.condition().test(request)) {
                return choice.backend();
            }
        }
        return defaultBackend;
    }

    /** Every backend a request may be sent to: the use_backend targets and the default. */
    List<Backend> reachableBackends() {
        List<Backend> all = new ArrayList<>();
        choices.forEach(choice -> all.add(choice.backend()));
        if (defaultBackend != null) {
            all.add(defaultBackend);
        }
        return all.stream().distinct().toList();
    }

    /**
     * The stricter of the frontend's and backend's connection modes, as HAProxy combines
     * them: httpclose wins over http-server-close, which wins over keep-alive.
     */
    HttpConnectionMode connectionMode(Backend backend) {
        HttpConnectionMode mine = config.connectionMode();
        HttpConnectionMode theirs = backend == null ? mine : backend.connectionMode();
        return mine.ordinal() >= theirs.ordinal() ? mine : theirs;
    }

    Timeouts timeouts() {
        return config.timeouts();
    }

    StatsRow row() {
        return new StatsRow(RowType.FRONTEND, name(), "FRONTEND", counters, "OPEN", null,
                config.maxconn(), 0, false, 0, 0, null, 0, 0, -1, -1, proxyId, 0);
    }

    private static Backend backend(Map<String, Backend> backends, String name, String where) {
        Backend backend = backends.get(name);
        if (backend == null) {
            throw io.bramble.common.error.UserError.usage(where + ": no backend named '" + name
                    + "'");
        }
        return backend;
    }
}
