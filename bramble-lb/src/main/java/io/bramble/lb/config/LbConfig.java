package io.bramble.lb.config;

import java.util.List;
import java.util.Optional;

/**
 * A whole load balancer configuration: the global settings and every frontend, backend and
 * listen proxy, in file order, each with its defaults section already applied.
 *
 * @param global process-wide settings
 * @param proxies every proxy in file order; names are unique per kind as HAProxy requires
 * @param warnings what the parser accepted but bramble does not act on, one line each with
 *        FILE:LINE, shown once at start
 */
public record LbConfig(GlobalSettings global, List<ProxyConfig> proxies, List<String> warnings) {
    public LbConfig {
        proxies = List.copyOf(proxies);
        warnings = List.copyOf(warnings);
    }

    /** The proxy of that name able to act as a backend (a backend or a listen). */
    public Optional<ProxyConfig> backend(String name) {
        return proxies.stream().filter(p -> p.kind().hasBackend() && p.name().equals(name))
                .findFirst();
    }

    /** The proxies that accept connections (frontends and listens). */
    public List<ProxyConfig> frontends() {
        return proxies.stream().filter(p -> p.kind().hasFrontend()).toList();
    }
}
