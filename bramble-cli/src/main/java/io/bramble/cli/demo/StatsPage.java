package io.bramble.cli.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A balancer's stats page as the recipe reads it: the state of each web server. */
final class StatsPage {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** A busy machine may stall a request; the page is asked this many times. */
    private static final int ATTEMPTS_MAX = 3;
    /** HAProxy's CSV columns: proxy name, server name, ..., status (the 18th). */
    private static final int STATUS_COLUMN = 17;

    private StatsPage() {
    }

    /** {@code web1 DOWN, web2 UP}, or why the page could not be read. */
    static String servers(String url) {
        String answer = "not read";
        for (int attempt = 0; attempt < ATTEMPTS_MAX; attempt++) {
            answer = read(url);
            if (!answer.startsWith("cannot be read")) {
                return answer;
            }
        }
        return answer;
    }

    private static String read(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + ";csv")).timeout(TIMEOUT)
                .header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(
                                (DemoFiles.STATS_USER + ":" + DemoFiles.STATS_PASSWORD).getBytes(
                                        StandardCharsets.UTF_8)))
                .build();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers
                    .ofString());
            if (response.statusCode() != 200) {
                return "answered " + response.statusCode();
            }
            Map<String, String> states = new LinkedHashMap<>();
            for (String line : response.body().split("\n")) {
                String[] cells = line.split(",", -1);
                if (cells.length > STATUS_COLUMN && cells[0].equals("webfarm") && cells[1]
                        .startsWith("web")) {
                    states.put(cells[1], cells[STATUS_COLUMN]);
                }
            }
            return states.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .reduce((a, b) -> a + ", " + b).orElse("no web server listed");
        } catch (IOException e) {
            return "cannot be read: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not read: interrupted";
        }
    }
}
