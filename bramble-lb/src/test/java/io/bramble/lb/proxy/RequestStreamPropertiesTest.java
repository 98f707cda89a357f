package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.proxy.GeneratedStream.Kind;
import io.bramble.lb.proxy.GeneratedStream.Mutation;
import io.bramble.lb.proxy.GeneratedStream.Request;
import io.bramble.testkit.http.ClientTranscript;
import io.bramble.testkit.http.RawHttpClient;
import io.bramble.testkit.http.RecordedRequest;
import io.bramble.testkit.http.RecordingBackend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Random byte streams of valid requests, some broken by mutations, sent to a load balancer in
 * front of a {@link RecordingBackend}. Whatever the bytes, the server receives exactly the
 * requests whose answers reach the client (each answer carries the server's number for its
 * request: every number once, in order, and no other), and the requests no mutation touched
 * arrive with the method, target and body the generator made. A stream without mutations is
 * forwarded whole, and no request for the denied path ever reaches the server: some bodies are
 * such a request, which only a framing mistake can let through.
 */
class RequestStreamPropertiesTest {
    /** The client stops reading after the proxy was silent this long. */
    private static final Duration CLIENT_QUIET = Duration.ofMillis(500);
    private static final Duration CLIENT_MAX = Duration.ofSeconds(3);
    /** Once every request was answered, how long the client reads on for anything extra. */
    private static final Duration CLIENT_LINGER = Duration.ofMillis(30);
    /** The backend counts as done once it saw no traffic for this long. */
    private static final Duration BACKEND_QUIET = Duration.ofMillis(30);
    private static final Duration BACKEND_QUIET_MAX = Duration.ofSeconds(3);
    /** Exchanges before the tries, whatever their outcome. */
    private static final int WARM_UP_EXCHANGES = 20;
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE",
            "PATCH", "OPTIONS");
    /** Bytes the INSERT mutation prefers: line ends, NUL, separators. */
    private static final List<Integer> SPECIAL_BYTES = List.of((int) '\r', (int) '\n', 0,
            (int) ' ', (int) ':', (int) '\t', (int) ';', (int) ',');

    /** The path the configuration denies; no request for it may reach the server. */
    private static final String DENIED_PATH = "/admin";
    private static final String SMUGGLED = "GET " + DENIED_PATH
            + "/smuggled HTTP/1.1\r\nHost: fuzz\r\n\r\n";

    private RecordingBackend backend;
    private LoadBalancer balancer;
    private InetSocketAddress proxy;

    @BeforeProperty
    void start() {
        backend = RecordingBackend.start(InetAddress.getLoopbackAddress(), 0);
        int port = TestConfigs.freePort();
        String config = """
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 2s
                    timeout server 2s
                frontend public
                    bind 127.0.0.1:PORT
                    http-request deny if { path_beg DENIED }
                    default_backend origin
                backend origin
                    server origin 127.0.0.1:BACKEND
                """.replace("PORT", Integer.toString(port)).replace("DENIED", DENIED_PATH)
                .replace("BACKEND", Integer.toString(backend.port()));
        balancer = LoadBalancer.start(HaproxyConfigParser.forThisProcess().parse("fuzz.cfg",
                config), Clock.system(), new SplittableRandom(7), "test");
        proxy = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        warmUp();
    }

    /**
     * A first request takes the proxy far longer than the client's quiet time (class loading,
     * the first server connection): answered ones before the tries keep the tries fair.
     */
    private void warmUp() {
        RawHttpClient patient = RawHttpClient.halfClosing(Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        RawHttpClient keepingOpen = new RawHttpClient(List.of(), Duration.ZERO, false,
                Duration.ofSeconds(10), Duration.ofSeconds(10), 2, Duration.ofMillis(1));
        byte[] two = ("GET /p HTTP/1.1\r\nHost: fuzz\r\n\r\nPOST /p HTTP/1.1\r\nHost: fuzz\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n").getBytes(
                        StandardCharsets.ISO_8859_1);
        for (int i = 0; i < WARM_UP_EXCHANGES; i++) {
            patient.exchange(proxy, two);
            keepingOpen.exchange(proxy, two);
        }
        backend.awaitQuiet(BACKEND_QUIET, BACKEND_QUIET_MAX);
    }

    @AfterProperty
    void stop() {
        balancer.close();
        backend.close();
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED, maxDiscardRatio = 1)
    void theServerReceivesExactlyTheAnsweredRequests(@ForAll("streams") GeneratedStream stream) {
        int before = backend.requestCount();
        RawHttpClient client = new RawHttpClient(stream.writeSizes(), Duration.ZERO, false,
                CLIENT_QUIET, CLIENT_MAX, stream.requestsSent(), CLIENT_LINGER);
        ClientTranscript transcript = client.exchange(proxy, stream.bytes());
        backend.awaitQuiet(BACKEND_QUIET, BACKEND_QUIET_MAX);
        List<RecordedRequest> received = backend.requestsAfter(before);

        assertThat(transcript.sequences()).as("answers from the server reaching the client, "
                + "against the requests the server received").isEqualTo(
                        received.stream().map(RecordedRequest::sequence).toList());
        assertThat(received).as("requests for the denied path that reached the server")
                .noneMatch(r -> r.path().startsWith(DENIED_PATH));
        int intact = stream.intactRequests();
        for (int i = 0; i < Math.min(intact, received.size()); i++) {
            Request sent = stream.requests().get(i);
            RecordedRequest got = received.get(i);
            assertThat(got.malformed()).as("request %d as the server read it", i + 1).isEmpty();
            assertThat(got.method()).as("method of request %d", i + 1).isEqualTo(sent.method());
            assertThat(got.target()).as("target of request %d", i + 1).isEqualTo(sent.target());
            assertThat(got.body()).as("body of request %d", i + 1).isEqualTo(sent.body());
        }
        if (stream.mutations().isEmpty()) {
            assertThat(received).as("requests of a stream without mutations that reached the "
                    + "server").hasSize(stream.requests().size());
            assertThat(transcript.statuses()).as("answers to a stream without mutations")
                    .containsOnly(200).hasSize(stream.requests().size());
        }
    }

    @Provide
    Arbitrary<GeneratedStream> streams() {
        Arbitrary<List<Request>> requests = request().list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(requests, mutations(), writeSizes())
                .as(GeneratedStream::new);
    }

    private static Arbitrary<Request> request() {
        Arbitrary<String> method = Arbitraries.of(METHODS);
        Arbitrary<String> target = Combinators.combine(
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789/._-~%")
                        .ofMaxLength(30),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789=&+")
                        .ofMaxLength(20).injectNull(0.5))
                .as((path, query) -> "/p" + path + (query == null ? "" : "?" + query));
        Arbitrary<String> header = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40))
                .as((name, value) -> "X-" + name + ": " + value);
        Arbitrary<byte[]> body = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(20).map(
                        RequestStreamPropertiesTest::smuggled)));
        Arbitrary<List<Integer>> chunkCuts = Arbitraries.integers().between(1, 64).list()
                .ofMaxSize(8);
        Arbitrary<Boolean> chunked = Arbitraries.of(true, false);
        return Combinators.combine(method, target, header.list().ofMaxSize(4), body, chunked,
                chunkCuts).as(
                        (m, t, h, b, c, cuts) -> new Request(m, t, h, b,
                                c ? chunks(b.length, cuts) : List.of(), List.of()));
    }

    /**
     * A body that is a whole request for a denied path, then {@code tail}: a proxy that frames
     * the outer request wrongly hands the server a request the client never made.
     */
    private static byte[] smuggled(byte[] tail) {
        byte[] request = SMUGGLED.getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = Arrays.copyOf(request, request.length + tail.length);
        System.arraycopy(tail, 0, body, request.length, tail.length);
        return body;
    }

    /** Splits {@code length} bytes into chunks of the sizes {@code cuts} suggests. */
    private static List<Integer> chunks(int length, List<Integer> cuts) {
        List<Integer> chunks = new ArrayList<>();
        int left = length;
        for (int cut : cuts) {
            if (left == 0) {
                break;
            }
            int size = Math.min(cut, left);
            chunks.add(size);
            left -= size;
        }
        if (left > 0) {
            chunks.add(left);
        }
        return chunks.isEmpty() ? List.of() : chunks;
    }

    private static Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<Mutation> byteMutation = Combinators.combine(
                Arbitraries.of(Kind.FLIP, Kind.INSERT, Kind.DELETE, Kind.TRUNCATE), where,
                Arbitraries.oneOf(Arbitraries.of(SPECIAL_BYTES),
                        Arbitraries.integers().between(0, 255)).map(Integer.class::cast))
                .as(Mutation::new);
        Arbitrary<Mutation> framing = Combinators.combine(where,
                Arbitraries.integers().between(0, Mutation.FRAMING_HEADERS.size() - 1))
                .as((w, v) -> new Mutation(Kind.FRAMING, w, v));
        // About half the streams stay valid, so the happy path is checked as often.
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(List.of())),
                Tuple.of(5, Arbitraries.frequencyOf(
                        Tuple.of(3, byteMutation), Tuple.of(2, framing))
                        .list().ofMinSize(1).ofMaxSize(3)));
    }

    /** Write sizes from one byte up; empty sends everything at once. */
    private static Arbitrary<List<Integer>> writeSizes() {
        return Arbitraries.integers().between(1, 200).list().ofMaxSize(12);
    }
}
