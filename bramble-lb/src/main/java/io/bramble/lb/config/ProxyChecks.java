package io.bramble.lb.config;

import io.bramble.common.config.Diagnostics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks that need the whole file: unique proxy names, backends that exist and speak the
 * frontend's mode, frontends that listen somewhere.
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
        for (ProxySection section : sections) {
            binds(section);
            backendReferences(section);
            httpCheckExpect(section);
            CheckRules.review(diagnostics, section);
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
        if (section.builder.kind.hasFrontend() && section.builder.binds.isEmpty()) {
            diagnostics.error(section.where, section.builder.kind.keyword(), "'"
                    + section.builder.name + "' listens nowhere: add 'bind ADDRESS:PORT'");
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
