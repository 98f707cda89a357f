package io.bramble.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bramble web} through {@link Main#run}, as the command line reaches it. */
class WebCommandTest {
    @TempDir
    Path root;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest
    @ValueSource(
            strings = {"nonsense", "8080", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536",
                    "localhost:http", "::1:8080", "[::1]8080", ""})
    void aBadBindIsOneLineNamingTheValueAndExit2(String bind) {
        int code = run("web", "--root", root.toString(), "--bind", bind);
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("bramble: --bind '" + bind
                + "': expected ADDRESS:PORT such as 127.0.0.1:8080, *:80 or [::1]:8080"
                + System.lineSeparator());
    }

    @Test
    void anUnknownHostIsAUsageError() {
        int code = run("web", "--root", root.toString(), "--bind", "no-such-host.invalid:8080");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().contains(
                "--bind 'no-such-host.invalid:8080'", "unknown host");
    }

    @Test
    void aMissingRootIsAUsageError() {
        String missing = root.resolve("nowhere").toString();
        int code = run("web", "--root", missing, "--bind", "127.0.0.1:8080");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("bramble: --root '" + missing
                + "': no such directory" + System.lineSeparator());
    }

    @Test
    void aRootThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(root.resolve("file.txt"), "x");
        int code = run("web", "--root", file.toString(), "--bind", "127.0.0.1:8080");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("bramble: --root '" + file
                + "': not a directory" + System.lineSeparator());
    }

    @Test
    void aBusyAddressIsOneLineNamingItAndExit1() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String address = "127.0.0.1:" + busy.getLocalPort();
            int code = run("web", "--root", root.toString(), "--bind", address);
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("bramble: cannot listen on " + address
                    + ": address already in use" + System.lineSeparator());
        }
    }

    @Test
    void helpExplainsTheOptionsAndTheirDefaults() {
        assertThat(run("web", "--help")).isZero();
        assertThat(out.toString()).contains("--root=DIR", "current directory by default",
                "--bind=ADDR:PORT", "127.0.0.1:8080", "combined format");
    }

    @Test
    void isListedByHelp() {
        assertThat(run("help")).isZero();
        // The column is as wide as the longest command name.
        assertThat(out.toString()).containsPattern("\\n  web +Serve a directory over HTTP");
    }

    @Test
    void servesUntilInterruptedAndLogsEachRequest() throws Exception {
        Files.writeString(root.resolve("lb-check.txt"), "web1\n");
        int port = freePort();
        AtomicInteger code = new AtomicInteger(-1);
        Thread command = Thread.ofPlatform().start(() -> code.set(run("web", "--root", root
                .toString(), "--bind", "127.0.0.1:" + port)));
        await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("serving"));
        assertThat(out.toString()).startsWith("serving " + root.toRealPath()
                + " on http://127.0.0.1:" + port + "/" + System.lineSeparator());
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/lb-check.txt")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("web1\n");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains(
                "\"GET /lb-check.txt HTTP/1.1\" 200 5"));
        command.interrupt();
        command.join(Duration.ofSeconds(30));
        assertThat(command.isAlive()).isFalse();
        assertThat(code).hasValue(0);
        assertThat(err.toString()).isEmpty();
        try (Socket refused = new Socket()) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> refused.connect(
                    new java.net.InetSocketAddress("127.0.0.1", port)))).isInstanceOf(
                            ConnectException.class);
        }
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** A port free a moment ago; good enough on a test machine's loopback. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
