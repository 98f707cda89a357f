package io.bramble.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingBackendTest {
    private final RecordingBackend backend = RecordingBackend.start(
            InetAddress.getLoopbackAddress(), 0);
    private final RawHttpClient client = RawHttpClient.halfClosing(Duration.ofSeconds(2),
            Duration.ofSeconds(5));

    @AfterEach
    void close() {
        backend.close();
    }

    private ClientTranscript send(String request) {
        return client.exchange(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                backend.port()), request.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void recordsPipelinedRequestsAndNumbersTheirAnswers() {
        ClientTranscript transcript = send("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n"
                + "\r\nabcGET /caf\u00c3\u00a9 HTTP/1.1\nHost: h\n\nPUT /c HTTP/1.1\r\nHost: h\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n2;x=y\r\nxy\r\n1 \n!\r\n0\r\nT: v\r\n\r\n");
        assertThat(transcript.statuses()).containsExactly(200, 200, 200);
        assertThat(transcript.sequences()).containsExactly(1, 2, 3);
        assertThat(transcript.closed()).isTrue();
        List<RecordedRequest> requests = backend.requests();
        assertThat(requests).extracting(RecordedRequest::target)
                .containsExactly("/a", "/caf\u00c3\u00a9", "/c");
        assertThat(requests).extracting(r -> new String(r.body(), StandardCharsets.ISO_8859_1))
                .containsExactly("abc", "", "xy!");
        assertThat(requests).allMatch(r -> r.malformed().isEmpty() && r.host().equals("h"));
        assertThat(requests.get(1).head()).isEqualTo("GET /caf\u00c3\u00a9 HTTP/1.1\nHost: h\n\n");
    }

    @Test
    void recordsAMalformedRequestAnswers400AndCloses() {
        ClientTranscript transcript = send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET / HTTP/1.1\r\n\r\n");
        assertThat(transcript.statuses()).containsExactly(400);
        assertThat(backend.requests()).singleElement().satisfies(r -> assertThat(r.malformed())
                .hasValue("both Transfer-Encoding and Content-Length"));
    }

    @Test
    void anIncompleteRequestIsNotRecorded() {
        ClientTranscript transcript = send("POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\nabc");
        assertThat(transcript.responses()).isEmpty();
        assertThat(backend.requestCount()).isZero();
    }

    @Test
    void anUpgradeBecomesAnEchoingTunnel() {
        ClientTranscript transcript = send("GET /ws HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\n"
                + "Upgrade: websocket\r\n\r\nping");
        assertThat(transcript.statuses()).containsExactly(101);
        assertThat(new String(transcript.tunnel(), StandardCharsets.ISO_8859_1)).isEqualTo("ping");
        backend.awaitQuiet(Duration.ofMillis(50), Duration.ofSeconds(2));
        assertThat(backend.tunnelBytes(1)).isEqualTo("ping".getBytes(StandardCharsets.US_ASCII));
    }
}
