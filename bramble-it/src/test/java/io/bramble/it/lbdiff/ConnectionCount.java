package io.bramble.it.lbdiff;

import io.bramble.testkit.http.ClientTranscript;
import io.bramble.testkit.http.RawHttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Server connections a proxy opened, and left open, for requests sent one after the other.
 *
 * @param accepted connections the backend accepted
 * @param open connections still open once the last answer came
 * @param answered requests the backend answered and whose answer reached the client
 */
record ConnectionCount(int accepted, int open, int answered) {
    private static final byte[] POST = ("POST /upload HTTP/1.1\r\nHost: public\r\n"
            + "Content-Length: 5\r\n\r\nhello").getBytes(StandardCharsets.ISO_8859_1);

    /** Sends {@code count} POSTs, each on a new connection the client closes once answered. */
    static ConnectionCount afterSequentialPosts(ProxyUnderTest proxy, int count) {
        RawHttpClient client = new RawHttpClient(List.of(), Duration.ZERO, false,
                Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofMillis(1));
        int acceptedBefore = proxy.backend().connectionsAccepted();
        int answered = 0;
        for (int i = 0; i < count; i++) {
            ClientTranscript transcript = client.exchange(proxy.address(), POST);
            answered += transcript.sequences().size() == 1 ? 1 : 0;
        }
        proxy.backend().awaitQuiet(ProxyUnderTest.BACKEND_QUIET,
                ProxyUnderTest.BACKEND_QUIET_MAX);
        return new ConnectionCount(proxy.backend().connectionsAccepted() - acceptedBefore,
                proxy.backend().connectionsOpen(), answered);
    }
}
