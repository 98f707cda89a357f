package io.bramble.it.lbdiff;

import io.bramble.testkit.http.ClientTranscript;
import io.bramble.testkit.http.RawHttpClient;
import io.bramble.testkit.http.RecordedRequest;
import io.bramble.testkit.http.RecordingBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A proxy in front of a recording backend of its own, so that what each proxy forwards is
 * recorded apart.
 *
 * @param name {@code haproxy} or {@code bramble}
 * @param address where the proxy listens
 * @param backend its only server
 */
record ProxyUnderTest(String name, InetSocketAddress address, RecordingBackend backend) {
    /** The client stops reading after the proxy was silent this long. */
    static final Duration CLIENT_QUIET = Duration.ofMillis(1_500);
    /** The client never reads longer than this after its last write. */
    static final Duration CLIENT_MAX = Duration.ofSeconds(8);
    /** Once the answers to all the client's requests came, how long it reads on. */
    static final Duration CLIENT_LINGER = Duration.ofMillis(300);
    /** The backend counts as done once it saw no traffic for this long. */
    static final Duration BACKEND_QUIET = Duration.ofMillis(150);
    static final Duration BACKEND_QUIET_MAX = Duration.ofSeconds(3);

    /**
     * Sends the case on a new connection and collects what reached the backend. The backend
     * then closes every connection, so that nothing a case left half-sent on a kept-alive
     * server connection can mix with the next case.
     */
    ProxyOutcome send(RequestCase c) {
        int before = backend.requestCount();
        List<Integer> writes = c.writeBytes() == 0
                ? List.of()
                : Collections.nCopies((c.bytes().length + c.writeBytes() - 1) / c.writeBytes(),
                        c.writeBytes());
        RawHttpClient client = new RawHttpClient(writes, c.pause(), c.halfClose(), CLIENT_QUIET,
                CLIENT_MAX, c.requests(), CLIENT_LINGER);
        ClientTranscript transcript = client.exchange(address, c.bytes());
        backend.awaitQuiet(BACKEND_QUIET, BACKEND_QUIET_MAX);
        List<RecordedRequest> forwarded = backend.requestsAfter(before);
        List<byte[]> tunnels = new ArrayList<>();
        forwarded.forEach(r -> tunnels.add(backend.tunnelBytes(r.sequence())));
        backend.closeConnections();
        backend.awaitQuiet(BACKEND_QUIET, BACKEND_QUIET_MAX);
        return new ProxyOutcome(transcript, forwarded, tunnels);
    }
}
