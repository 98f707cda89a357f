package io.bramble.compute.jars;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A remote Maven repository over HTTPS, Maven Central by default: each jar is checked against
 * the {@code .sha1} the repository publishes beside it.
 */
public final class MavenCentral implements JarSource {
    public static final URI CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");
    /** Time to connect, and to get each answer's first bytes. */
    static final long CONNECT_MS = 10_000;
    /** The largest of Spark's jars is about 60 MB; this leaves a slow link time for it. */
    static final long JAR_MS = 600_000;

    private final URI base;
    private final HttpClient client;

    public MavenCentral(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(CONNECT_MS))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String name() {
        return base.toString();
    }

    @Override
    public boolean copy(String jar, Path target) throws IOException {
        HttpResponse<String> sum = send(jar + ".sha1", HttpResponse.BodyHandlers.ofString(),
                CONNECT_MS);
        if (sum.statusCode() == 404) {
            return false;
        }
        expectOk(sum, jar + ".sha1");
        String expected = Sha1.fromText(sum.body());
        HttpResponse<Path> body = send(jar, HttpResponse.BodyHandlers.ofFile(target), JAR_MS);
        expectOk(body, jar);
        Sha1.check(target, expected, name());
        return true;
    }

    private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> handler,
            long timeoutMs) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMillis(timeoutMs))
                .GET()
                .build();
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void expectOk(HttpResponse<?> response, String path) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(name() + path + ": HTTP " + response.statusCode());
        }
    }
}
