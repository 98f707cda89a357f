package io.bramble.lb.proxy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends one marked line (tcp) or request (http) through the balancer and reads, at a test
 * server, what arrived: tells which server address and port a connection went to.
 */
final class FirstLineRelay {
    /** Bounds each accept and read, so a connection that went elsewhere fails, not hangs. */
    private static final int READ_TIMEOUT_MS = 10_000;

    private FirstLineRelay() {
    }

    /** A test server on {@code address}:{@code port}, closed with {@code resources}. */
    static ServerSocket listen(TestResources resources, String address, int port)
            throws Exception {
        ServerSocket server = resources.add(new ServerSocket());
        server.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        server.setSoTimeout(READ_TIMEOUT_MS);
        return server;
    }

    /**
     * Sends {@code marker} from a client to the balancer's {@code clientAddress}:{@code port}
     * (as a line, or as the path of a GET when {@code http}); the marker {@code server} saw.
     */
    static String relay(TestResources resources, boolean http, String clientAddress, int port,
            ServerSocket server, String marker) throws Exception {
        Socket client = resources.add(new Socket(InetAddress.getByName(clientAddress), port));
        OutputStream out = client.getOutputStream();
        String text = http
                ? "GET /" + marker.replace(" ", "%20") + " HTTP/1.1\r\nHost: x\r\n\r\n"
                : marker + "\n";
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Socket accepted = resources.add(server.accept());
        accepted.setSoTimeout(READ_TIMEOUT_MS);
        InputStream in = accepted.getInputStream();
        StringBuilder seen = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            seen.append((char) c);
        }
        String line = seen.toString().strip();
        return http
                ? line.substring("GET /".length(), line.indexOf(' ', 4)).replace("%20", " ")
                : line;
    }
}
