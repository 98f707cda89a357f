package io.bramble.lb.proxy;

import io.bramble.common.net.HostPort;
import io.bramble.lb.config.BindConfig;
import io.bramble.lb.config.ConfigLocation;
import io.bramble.lb.config.GlobalSettings;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ProxyKind;
import io.bramble.lb.config.ProxyMode;
import io.bramble.lb.config.ServerConfig;
import io.bramble.lb.config.ServerOptions;
import java.util.List;

/** Configurations built in code, as the parser would build them. */
final class TestConfigs {
    private TestConfigs() {
    }

    /** {@code listen NAME 127.0.0.1:0} in http mode. */
    static ProxyConfig.Builder listen(String name) {
        ProxyConfig.Builder builder = ProxyConfig.builder(name, ProxyKind.LISTEN,
                new ConfigLocation("test.cfg", 1));
        builder.mode = ProxyMode.HTTP;
        builder.binds.add(new BindConfig(new HostPort("127.0.0.1", 1), ConfigLocation.NONE));
        return builder;
    }

    static void server(ProxyConfig.Builder builder, TestBackend backend, ServerOptions options) {
        builder.servers.add(new ServerConfig(backend.name,
                new HostPort("127.0.0.1", backend.port), options, ConfigLocation.NONE));
    }

    static LbConfig of(ProxyConfig.Builder... proxies) {
        List<ProxyConfig> built = java.util.Arrays.stream(proxies).map(p -> {
            List<BindConfig> ephemeral = p.binds.stream()
                    .map(b -> new BindConfig(new HostPort(b.address().host(), freePort()),
                            b.location()))
                    .toList();
            p.binds.clear();
            p.binds.addAll(ephemeral);
            return p.build();
        }).toList();
        return new LbConfig(GlobalSettings.defaults(), built, List.of());
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
