package io.bramble.testkit.net;

import io.bramble.common.net.HostPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Says whether an address and port accept a TCP connection right now. */
public final class PortProbe {
    /** Connect time allowed per probe; a loopback connect takes microseconds. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private PortProbe() {
    }

    /** True when a TCP connection to {@code endpoint} succeeds; the connection is closed. */
    public static boolean accepts(HostPort endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()),
                    (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
