package io.bramble.it.lbdiff;

import java.util.List;

/**
 * One request a corpus file's rules decide on, sent alone on a new connection.
 *
 * @param name short and unique within its file
 * @param bind which of the file's {@code bind} lines it goes to, from 0 in file order
 * @param target the request target
 * @param host the Host header's value
 * @param headers further header lines, such as {@code X-Forwarded-Proto: http}
 */
record CorpusProbe(String name, int bind, String target, String host, List<String> headers) {
    static CorpusProbe get(String name, int bind, String target, String host,
            String... headers) {
        return new CorpusProbe(name, bind, target, host, List.of(headers));
    }

    /** The request's bytes as text: a GET that asks the proxy to close after answering. */
    String request() {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: " + host
                + "\r\n");
        headers.forEach(h -> request.append(h).append("\r\n"));
        return request.append("Connection: close\r\n\r\n").toString();
    }
}
