package io.bramble.compute.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads the master's JSON status page over HTTP. */
public final class MasterPage {
    /** A master that does not answer within this is reported as not answering. */
    static final long READ_MS = 3_000;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(READ_MS))
            .build();

    /** The status of the master whose web UI is {@code ui} ({@code http://HOST:PORT/}). */
    public MasterStatus read(String ui) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ui).resolve("/json/"))
                .timeout(Duration.ofMillis(READ_MS))
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return MasterStatus.parse(response.body());
        } catch (Json.BadJson e) {
            throw new IOException("not Spark's status page: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
