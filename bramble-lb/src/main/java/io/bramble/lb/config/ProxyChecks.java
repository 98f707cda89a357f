package io.bramble.lb.config;

import io.bramble.common.config.Diagnostics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks that need the whole file: unique proxy names, backends that exist and speak the
 * frontend's mode (HAProxy refuses an http frontend's tcp backend; a tcp frontend's http
 * backend, where HAProxy upgrades the connection to HTTP, is refused by bramble); HAProxy's warnings for a frontend that listens nowhere and for HTTP
 * settings in a tcp-mode proxy.
 */
final class ProxyChecks {
    private final Diagnostics diagnostics;
    private final List<ProxySection> sections;

    ProxyChecks(Diagnostics diagnostics, List<ProxySection> sections) {
        this.diagnostics = diagnostics;
        this.sections = sections;
    }

    void run() {
        uniqueNames();
        StickTableReferences.review(diagnostics, sections);
        for (ProxySection section : sections) {
            binds(section);
            httpOnly(section);
            customLogFormat(section);
            backendReferences(section);
            httpCheckExpect(section);
            CheckRules.review(diagnostics, section);
            PortlessServers.review(diagnostics, section);
            ServerQueues.review(diagnostics, section);
            TcpRequestConditions.review(diagnostics, section);
        }
    }

    private void uniqueNames() {
        Map<String, ProxySection> frontends = new HashMap<>();
        Map<String, ProxySection> backends = new HashMap<>();
        for (ProxySection section : sections) {
            ProxyKind kind = section.builder.kind;
            String name = section.builder.name;
            ProxySection clash = kind.hasFrontend() ? frontends.get(name) : null;
            if (clash == null && kind.hasBackend()) {
                clash = backends.get(name);
            }
            if (clash != null) {
                diagnostics.error(section.where, kind.keyword(), "a " + clash.builder.kind
                        .keyword() + " named '" + name + "' is already defined at "
                        + clash.where);
                continue;
            }
            if (kind.hasFrontend()) {
                frontends.put(name, section);
            }
            if (kind.hasBackend()) {
                backends.put(name, section);
            }
        }
    }

    private void binds(ProxySection section) {
        if (section.builder.kind.hasFrontend() && section.builder.binds.isEmpty()
                && !section.bindRefused) {
            diagnostics.warning(section.where, section.builder.kind.keyword(), "'"
                    + section.builder.name + "' has no 'bind' line, so it receives no traffic; "
                    + "declare it as a backend if that was intended");
        }
    }

    /**
     * HAProxy's warnings for HTTP settings in a tcp-mode proxy, which it then ignores: stats,
     * {@code option forwardfor}, {@code monitor-uri}, and {@code option httplog}, for which it
     * logs tcplog lines.
     * bramble does the same. They may come from the defaults section, so they are checked
     * once the mode is known.
     */
    private void httpOnly(ProxySection section) {
        ProxyConfig.Builder builder = section.builder;
        if (builder.mode != ProxyMode.TCP) {
            return;
        }
        String keyword = builder.kind.keyword();
        if (builder.stats.isPresent()) {
            diagnostics.warning(section.where, keyword, "'stats' ignored in '" + builder.name
                    + "': the stats page needs mode http");
            builder.stats = java.util.Optional.empty();
        }
        if (builder.forwardFor.isPresent()) {
            diagnostics.warning(section.where, keyword, "'option forwardfor' ignored in '"
                    + builder.name + "': it needs mode http");
            builder.forwardFor = java.util.Optional.empty();
        }
        if (builder.kind.hasFrontend() && builder.monitorUri.isPresent()) {
            diagnostics.warning(section.where, keyword, "'monitor-uri' ignored in '"
                    + builder.name + "': it needs mode http");
            builder.monitorUri = java.util.Optional.empty();
        }
        if (builder.kind.hasFrontend() && builder.log.format() == LogFormat.HTTP) {
            diagnostics.warning(section.where, keyword, "'option httplog' needs mode http; '"
                    + builder.name + "' logs as with 'option tcplog', as HAProxy does");
            builder.log = builder.log.withFormat(LogFormat.TCP);
        }
    }

    /**
     * A {@code log-format} line's variables must have a value in the proxy's lines: an http
     * proxy logs per request, a tcp proxy per connection, and bramble records different
     * values in each (see {@link io.bramble.lb.log.LogLineFormat}). Checked once the mode is
     * known, as the line may come from the defaults section.
     */
    private void customLogFormat(ProxySection section) {
        ProxyConfig.Builder builder = section.builder;
        if (section.isDefaults || !builder.kind.hasFrontend()
                || builder.log.custom().isEmpty()) {
            return;
        }
        CustomLogFormat custom = builder.log.custom().get();
        boolean http = builder.mode != ProxyMode.TCP;
        String unfilled = custom.format().unfilledIn(http);
        if (!unfilled.isEmpty()) {
            diagnostics.error(custom.where(), "log-format", "'" + builder.name + "' is in mode "
                    + (http ? "http" : "tcp") + ", where bramble does not fill " + unfilled
                    + (http
                            ? " (it dates the request: %tr %trg %trl, and times it with %Ta)"
                            : " (it dates the connection: %t %Ts %ms, and times it with %Tt)"));
        }
    }

    private void backendReferences(ProxySection section) {
        for (ProxySection.BackendReference reference : section.backendReferences) {
            ProxySection backend = sections.stream().filter(s -> s.builder.kind.hasBackend()
                    && s.builder.name.equals(reference.name())).findFirst().orElse(null);
            if (backend == null) {
                diagnostics.error(reference.where(), reference.keyword(), "no backend named '"
                        + reference.name() + "'" + known());
            } else if (section.builder.mode == ProxyMode.HTTP
                    && backend.builder.mode == ProxyMode.TCP) {
                diagnostics.error(reference.where(), reference.keyword(), "backend '"
                        + reference.name() + "' is in tcp mode but '" + section.builder.name
                        + "' is in http mode; give both the same mode");
            } else if (section.builder.mode == ProxyMode.TCP
                    && backend.builder.mode == ProxyMode.HTTP) {
                diagnostics.error(reference.where(), reference.keyword(), "backend '"
                        + reference.name() + "' is in http mode but '" + section.builder.name
                        + "' is in tcp mode: HAProxy would upgrade its connections to HTTP "
                        + "there, which bramble does not do; set 'mode http' in '"
                        + section.builder.name + "' (or 'mode tcp' in '" + reference.name()
                        + "')");
            }
        }
    }

    private String known() {
        List<String> names = sections.stream().filter(s -> s.builder.kind.hasBackend())
                .map(s -> s.builder.name).distinct().toList();
        return names.isEmpty()
                ? "; this file defines none"
                : "; backends here: " + names.stream().collect(Collectors.joining(", "));
    }

    private void httpCheckExpect(ProxySection section) {
        if (section.builder.kind.hasBackend() && section.httpCheckExpect.isPresent()
                && section.builder.httpCheck.isEmpty()
                && section.httpCheckExpectWhere.isPresent()) {
            diagnostics.warning(section.httpCheckExpectWhere.get(), "http-check expect",
                    "has no effect in '" + section.builder.name + "' without 'option httpchk'");
        }
    }
}
