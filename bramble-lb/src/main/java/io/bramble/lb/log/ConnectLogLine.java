package io.bramble.lb.log;

import io.netty.util.NetUtil;
import java.net.InetSocketAddress;

/**
 * The line HAProxy logs for a proxy with a {@code log} target but neither
 * {@code option httplog} nor {@code option tcplog}:
 * {@code Connect from CLIENT:PORT to ADDRESS:PORT (PROXY/MODE)}, MODE being {@code TCP} or
 * {@code HTTP}. A tcp proxy logs it when it accepts a connection (one a
 * {@code tcp-request connection} rule refused is not logged), an http proxy when a request
 * begins (so once per request of a kept-alive connection, and not for a connection that sent
 * nothing or a malformed request), as HAProxy 2.6 does. IPv6 addresses have no brackets.
 */
public final class ConnectLogLine {
    private ConnectLogLine() {
    }

    /**
     * @param client the client's address and port
     * @param local the address and port the client connected to
     */
    public static String format(InetSocketAddress client, InetSocketAddress local,
            String proxy, boolean http) {
        return "Connect from " + text(client) + " to " + text(local) + " (" + proxy + "/"
                + (http ? "HTTP" : "TCP") + ")";
    }

    private static String text(InetSocketAddress address) {
        return address == null
                ? "-:0"
                : NetUtil.toAddressString(address.getAddress()) + ":" + address.getPort();
    }
}
