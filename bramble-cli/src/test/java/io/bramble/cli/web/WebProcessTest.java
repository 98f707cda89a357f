package io.bramble.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bramble web} as a real process: it prints where it serves, answers, logs to stdout,
 * and stops on SIGTERM through its shutdown hook.
 */
class WebProcessTest {
    @TempDir
    Path temp;

    @Test
    void servesThenStopsCleanlyOnSigterm() throws Exception {
        Path root = Files.createDirectories(temp.resolve("www"));
        Files.writeString(root.resolve("index.html"), "<h1>web2</h1>\n");
        Path stdout = temp.resolve("stdout.txt");
        Path stderr = temp.resolve("stderr.txt");
        int port = WebCommandTest.freePort();
        Process process = new ProcessBuilder(java(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "io.bramble.cli.Main", "web",
                "--root", root.toString(), "--bind", "127.0.0.1:" + port)
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> read(stdout).contains(
                    "serving"));
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).isEqualTo("<h1>web2</h1>\n");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> read(stdout).contains(
                    "\"GET / HTTP/1.1\" 200 14"));
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // The JVM reports death by SIGTERM as 128 + 15 once its shutdown hooks are done.
            assertThat(process.exitValue()).isEqualTo(143);
            assertThat(read(stdout).lines()).hasSize(2);
            assertThat(read(stderr)).doesNotContain("Exception");
        } finally {
            process.destroyForcibly();
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
