package io.bramble.it.cluster;

import io.bramble.testkit.netns.NamespaceThread;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client polling a floating IP over HTTP from its own network namespace every
 * {@value #POLL_MS} ms while, at each poll, the nodes' namespaces are asked which of them
 * holds the address on {@code eth0}. Each poll is one {@link Sample}; {@link #report} reads
 * what the client saw around a fault.
 */
final class VipWatch implements AutoCloseable {
    static final int POLL_MS = 20;
    static final int CONNECT_TIMEOUT_MS = 200;
    static final int READ_TIMEOUT_MS = 500;
    /** Samples kept: ten minutes of polls, far more than a drill takes. */
    static final int SAMPLES_MAX = 30_000;
    private static final int RESPONSE_BYTES_MAX = 4_096;

    /**
     * One poll: when (System.nanoTime), whether the page came back whole, and the nodes holding
     * the address.
     */
    record Sample(long atNanos, boolean served, List<String> holders) {}

    private final InetAddress vip;
    private final String page;
    private final NamespaceThread client;
    private final Map<String, NamespaceThread> nodes = new LinkedHashMap<>();
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final Thread poller;
    private volatile boolean running = true;

    /**
     * Starts polling {@code vip} from namespace {@code clientNamespace}, expecting
     * {@code page}; {@code nodeNamespaces} maps each node's name to its namespace.
     */
    VipWatch(InetAddress vip, String page, String clientNamespace,
            Map<String, String> nodeNamespaces) throws Exception {
        this.vip = vip;
        this.page = page;
        this.client = new NamespaceThread(clientNamespace);
        for (var node : nodeNamespaces.entrySet()) {
            nodes.put(node.getKey(), new NamespaceThread(node.getValue()));
        }
        this.poller = Thread.ofPlatform().daemon().name("vip-watch").start(this::poll);
    }

    private void poll() {
        while (running && samples.size() < SAMPLES_MAX) {
            long at = System.nanoTime();
            samples.add(new Sample(at, served(), holders()));
            long left = POLL_MS - (System.nanoTime() - at) / 1_000_000;
            if (left > 0) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private boolean served() {
        try {
            return client.call(this::get);
        } catch (Exception e) {
            return false;
        }
    }

    /** GET / over HTTP/1.0 (one connection per request); true for a 200 with the page. */
    private boolean get() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(vip, 80), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + vip.getHostAddress() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readNBytes(RESPONSE_BYTES_MAX),
                    StandardCharsets.UTF_8);
            return response.startsWith("HTTP/1.1 200") && response.endsWith(page);
        }
    }

    private List<String> holders() {
        List<String> holding = new ArrayList<>();
        for (var node : nodes.entrySet()) {
            try {
                if (node.getValue().call(this::heldHere)) {
                    holding.add(node.getKey());
                }
            } catch (Exception e) {
                // a namespace that cannot be asked holds nothing a client reaches
            }
        }
        return List.copyOf(holding);
    }

    private boolean heldHere() throws IOException {
        NetworkInterface eth0 = NetworkInterface.getByName("eth0");
        return eth0 != null && Collections.list(eth0.getInetAddresses()).contains(vip);
    }

    /** Every sample so far, oldest first. */
    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Waits until {@code count} more polls were made. */
    void awaitPolls(int count) {
        int target = samples.size() + count;
        while (samples.size() < target && poller.isAlive()) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * What the client saw from {@code faultNanos} on, not counting the VIP on the nodes in
     * {@code gone} (machines whose every process was killed: their address answers no one).
     */
    DrillReport report(String fault, long faultNanos, Set<String> gone) {
        return DrillReport.of(fault, faultNanos, samples(), gone);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(2_000);
        client.close();
        nodes.values().forEach(NamespaceThread::close);
    }
}
