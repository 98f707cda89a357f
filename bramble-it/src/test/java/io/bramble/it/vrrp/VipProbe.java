package io.bramble.it.vrrp;

import static org.awaitility.Awaitility.await;

import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.NamespaceThread;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A client host asking "who answers on the virtual address?": an HTTP GET to VIP:PORT where
 * every candidate runs {@code bramble web} with a page saying "I am NAME". What the client
 * sees is the truth of a failover: the address on an interface is not enough, the client's
 * ARP cache must point there too.
 */
final class VipProbe implements AutoCloseable {
    /** Short, so a takeover is timed to within a few tens of milliseconds. */
    private static final int PROBE_TIMEOUT_MS = 150;
    private static final Pattern NAME = Pattern.compile("I am ([A-Za-z0-9_-]+)");
    private static final long PAUSE_MS = 10;
    private static final int WARM_UP_REQUESTS = 50;

    private final NamespaceThread client;
    private final LabHost host;
    private final String vip;
    private final int port;

    VipProbe(LabHost client, String vip, int port) throws Exception {
        this.client = new NamespaceThread(client.namespace());
        this.host = client;
        this.vip = vip;
        this.port = port;
    }

    /** The name in the page that answered, or "" when nothing did within the timeout. */
    String whoAnswers() {
        return whoAnswersAt(vip);
    }

    /**
     * Sends a few requests straight to each host, so that no web server answers its first
     * request (a cold JVM's slowest) in the middle of a measured takeover.
     */
    void warmUp(LabHost... hosts) {
        for (LabHost host : hosts) {
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                whoAnswersAt(host.address().getHostAddress());
            }
        }
    }

    private String whoAnswersAt(String address) {
        try {
            return client.call(() -> ask(address));
        } catch (Exception e) {
            return "";
        }
    }

    /** Waits until {@code name} answers and returns how long that took from now, in ms. */
    long awaitAnswerFrom(String name, Duration atMost) {
        return awaitAnswerFrom(name, atMost, System.nanoTime());
    }

    /**
     * Waits until {@code name} answers and returns the ms since {@code startNanos}
     * ({@link System#nanoTime()} taken just before the fault).
     */
    long awaitAnswerFrom(String name, Duration atMost, long startNanos) {
        try {
            await("the client to be answered by " + name).atMost(atMost).pollInterval(Duration
                    .ofMillis(PAUSE_MS)).until(() -> whoAnswers().equals(name));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; the client's neighbours: " + host
                    .exec("ip", "neigh", "show").output() + "; answering now: '" + whoAnswers()
                    + "'", e);
        }
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private String ask(String address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), PROBE_TIMEOUT_MS);
            socket.setSoTimeout(PROBE_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + vip + "\r\n\r\n").getBytes(
                    StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            Matcher matcher = NAME
                    .matcher(new String(in.readNBytes(8_192), StandardCharsets.UTF_8));
            return matcher.find() ? matcher.group(1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
