package io.bramble.it.lb;

import io.bramble.common.net.HostPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client sending GET requests one after another through the load balancer, as users'
 * browsers do, counting which server answered and keeping every failure.
 */
final class LoadLoop implements AutoCloseable {
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;
    private final Thread thread;
    private final ConcurrentHashMap<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private volatile String lastBody = "";
    private volatile boolean running = true;

    LoadLoop(HostPort target) {
        this.uri = URI.create("http://" + target + "/");
        this.thread = Thread.ofPlatform().name("load-loop").start(this::run);
    }

    private void run() {
        while (running) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .GET().build();
            try {
                HttpResponse<String> response = client.send(request,
                        HttpResponse.BodyHandlers.ofString());
                requests.incrementAndGet();
                if (response.statusCode() != 200) {
                    failures.add("status " + response.statusCode() + ": " + response.body());
                } else {
                    lastBody = response.body();
                    answers.computeIfAbsent(response.body(), b -> new AtomicLong())
                            .incrementAndGet();
                }
            } catch (java.io.IOException e) {
                requests.incrementAndGet();
                failures.add(e.toString());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long requests() {
        return requests.get();
    }

    /** Answers with this body so far. */
    long answered(String body) {
        AtomicLong count = answers.get(body);
        return count == null ? 0 : count.get();
    }

    String lastBody() {
        return lastBody;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(60));
    }
}
