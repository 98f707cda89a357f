package io.bramble.vrrp.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;

/**
 * What a load balancer does with a virtual address on the loopback backend: a listener bound
 * on it while it is held, closed when it is released. Each connection is answered with the
 * owner's name. It binds with SO_REUSEPORT, as a load balancer on the loopback backend must:
 * when a higher priority node takes over, the old master lets go only once it hears the new
 * one's advert, a moment after the new one bound.
 */
final class VipServer implements VipListener {
    private final String name;
    private final int port;
    private volatile ServerSocket socket;
    private volatile String failure = "";

    VipServer(String name, int port) {
        this.name = name;
        this.port = port;
    }

    @Override
    public void acquired(Inet4Address address) {
        try {
            ServerSocket server = new ServerSocket();
            server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            server.bind(new InetSocketAddress(address, port));
            socket = server;
            Thread.ofVirtual().start(() -> serve(server));
        } catch (IOException e) {
            failure = "cannot bind " + address.getHostAddress() + ":" + port + ": " + e
                    .getMessage();
        }
    }

    @Override
    public void released(Inet4Address address) {
        ServerSocket server = socket;
        socket = null;
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    boolean bound() {
        return socket != null;
    }

    String failure() {
        return failure;
    }

    /** Who answers on the address now, or "" when nobody does. */
    static String whoAnswers(Inet4Address address, int port) {
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress(address, port), 1_000);
            return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                out.write(name.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return;
            }
        }
    }
}
