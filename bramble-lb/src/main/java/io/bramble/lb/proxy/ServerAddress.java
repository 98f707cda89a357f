package io.bramble.lb.proxy;

import io.bramble.common.error.UserError;
import io.bramble.common.net.HostPort;
import io.bramble.lb.config.InitAddr;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ServerConfig;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a server is reached, found once at start by its {@code init-addr} methods. A server
 * left without an address ({@code none}) starts in maintenance, as HAProxy starts it, with an
 * unresolved address it never connects to.
 */
final class ServerAddress {
    private ServerAddress() {
    }

    /** What the methods found; a name no method resolves is the user's error. */
    static InitAddr.Outcome find(ServerConfig server) {
        try {
            return server.initAddr().resolve(server.address(), HostPort::resolve);
        } catch (UnknownHostException e) {
            throw UserError.usage(server.location() + ": cannot resolve the address of server "
                    + server.name() + ": " + server.address().host());
        }
    }

    /** The server as it runs: in maintenance when it has no address. */
    static ServerConfig effective(ServerConfig server, InitAddr.Outcome found) {
        if (found.address().isPresent()) {
            return server;
        }
        return new ServerConfig(server.name(), server.address(),
                server.options().withDisabled(true), server.location(), server.initAddr());
    }

    /** The address to keep for it: the one found, or the name unresolved. */
    static InetSocketAddress address(ServerConfig server, InitAddr.Outcome found) {
        return found.address().orElseGet(() -> InetSocketAddress.createUnresolved(
                server.address().host(), server.address().port()));
    }

    /**
     * HAProxy's warnings for servers whose first {@code init-addr} method failed and a later
     * one gave the result, as "FILE:LINE: server: warning: ...". Servers no method resolves
     * are errors of {@link LoadBalancer#problems}, not listed here.
     */
    static List<String> notices(LbConfig config) {
        List<String> notices = new ArrayList<>();
        for (ProxyConfig proxy : config.proxies()) {
            for (ServerConfig server : proxy.servers()) {
                try {
                    server.initAddr().resolve(server.address(), HostPort::resolve).notice()
                            .ifPresent(notice -> notices.add(server.location() + ": server: "
                                    + "warning: 'server " + proxy.name() + "/" + server.name()
                                    + "': " + notice));
                } catch (UnknownHostException e) {
                    continue; // an error, reported by problems()
                }
            }
        }
        return notices;
    }
}
