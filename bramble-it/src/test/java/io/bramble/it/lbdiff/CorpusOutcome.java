package io.bramble.it.lbdiff;

import io.bramble.testkit.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one proxy did with one probe: what the client got, and which server received what.
 *
 * @param client the answer the client read
 * @param servers the {@code SECTION/NAME} of each server that received a request for it
 * @param received what those servers received, in the same order
 */
record CorpusOutcome(OneRequestClient.Answer client, List<String> servers,
        List<RecordedRequest> received) {
    /** Answer headers compared between the proxies, besides the status. */
    static final List<String> ANSWER_HEADERS = List.of("location", "content-type",
            "set-cookie", "cache-control");

    CorpusOutcome {
        servers = List.copyOf(servers);
        received = List.copyOf(received);
    }

    /** The status and the server that got it, such as {@code 200 app/one} or {@code 302 -}. */
    String summary() {
        return client.status() + " " + (servers.isEmpty() ? "-" : String.join(",", servers));
    }

    /**
     * Where {@code bramble} differs from {@code haproxy}: the status, the compared answer
     * headers, the body of an answer the proxy wrote itself with a 2xx status, the servers
     * reached, and at each the request line and the header fields (names compared without
     * regard to case, in order) and body. Empty when they agree.
     */
    static List<String> differences(CorpusOutcome haproxy, CorpusOutcome bramble) {
        List<String> differences = new ArrayList<>();
        differ(differences, "status", haproxy.client.status(), bramble.client.status());
        for (String header : ANSWER_HEADERS) {
            differ(differences, "answer " + header, haproxy.client.value(header),
                    bramble.client.value(header));
        }
        int status = haproxy.client.status();
        if (haproxy.servers.isEmpty() && status >= 200 && status < 300) {
            differ(differences, "answer body", haproxy.client.body(), bramble.client.body());
        }
        differ(differences, "servers reached", haproxy.servers, bramble.servers);
        if (haproxy.servers.equals(bramble.servers)) {
            for (int i = 0; i < haproxy.received.size(); i++) {
                differences.addAll(seen(haproxy.servers.get(i), haproxy.received.get(i),
                        bramble.received.get(i)));
            }
        }
        return differences;
    }

    private static List<String> seen(String server, RecordedRequest haproxy,
            RecordedRequest bramble) {
        List<String> differences = new ArrayList<>();
        String at = "at " + server + ": ";
        differ(differences, at + "request line", line(haproxy), line(bramble));
        differ(differences, at + "headers", fields(haproxy), fields(bramble));
        differ(differences, at + "body", new String(haproxy.body(), StandardCharsets.ISO_8859_1),
                new String(bramble.body(), StandardCharsets.ISO_8859_1));
        return differences;
    }

    private static String line(RecordedRequest request) {
        return request.method() + " " + request.target() + " " + request.version();
    }

    private static List<String> fields(RecordedRequest request) {
        return request.headers().stream().map(h -> h.name().toLowerCase(Locale.ROOT) + ": "
                + h.value()).toList();
    }

    private static void differ(List<String> differences, String what, Object haproxy,
            Object bramble) {
        if (!Objects.equals(haproxy, bramble)) {
            differences.add(what + ": haproxy " + shown(haproxy) + ", bramble " + shown(bramble));
        }
    }

    /** {@code value} whole, line ends and other control bytes escaped. */
    private static String shown(Object value) {
        StringBuilder shown = new StringBuilder();
        for (char c : String.valueOf(value).toCharArray()) {
            shown.append(c >= 0x20 && c < 0x7f
                    ? String.valueOf(c)
                    : String.format(Locale.ROOT, "\\x%02x", (int) c));
        }
        return "'" + shown + "'";
    }
}
