package io.bramble.it.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code GET /} through the virtual address, as a browser's first request: a connection
 * of its own, HTTP/1.0. Either a 200 naming the web server and the balancer, or a failure.
 *
 * @param web the web server named by the page, or the failure
 * @param lb the balancer named by {@link SiteFiles#LB_HEADER}, or empty on failure
 * @param ok true for a 200 answer with both names
 */
record Answer(String web, String lb, boolean ok) {
    private static final Pattern BODY = Pattern.compile("<body>([^<]*)</body>");
    private static final Pattern LB = Pattern.compile("(?im)^" + SiteFiles.LB_HEADER
            + ":\\s*(\\S+)");
    private static final Pattern CONTENT_LENGTH = Pattern.compile(
            "(?im)^content-length:\\s*(\\d{1,9})\\s*$");
    private static final int ANSWER_BYTES_MAX = 64 * 1024;

    static Answer failed(String why) {
        return new Answer(why, "", false);
    }

    static Answer get(String host, int port, int timeoutMs) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(
                    StandardCharsets.US_ASCII));
            out.flush();
            return parse(read(new java.io.BufferedInputStream(socket.getInputStream())));
        } catch (IOException e) {
            return failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static Answer parse(String response) {
        if (!response.startsWith("HTTP/1.1 200") && !response.startsWith("HTTP/1.0 200")) {
            int end = response.indexOf('\r');
            return failed(end < 0 ? "no answer" : response.substring(0, end));
        }
        Matcher body = BODY.matcher(response);
        Matcher lb = LB.matcher(response);
        if (!body.find() || !lb.find()) {
            return failed("a 200 without the names");
        }
        return new Answer(body.group(1), lb.group(1), true);
    }

    /**
     * Reads the head, then the body as far as Content-Length says, as browsers and curl do:
     * what comes after a complete answer (a reset from a node that has since taken the
     * virtual address over) does not undo it.
     */
    private static String read(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int head = -1;
        int wanted = Integer.MAX_VALUE;
        while (text.length() < ANSWER_BYTES_MAX && (head < 0 || text.length() < head
                + wanted)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
            if (head < 0 && text.length() >= 4 && text.lastIndexOf("\r\n\r\n") == text
                    .length() - 4) {
                head = text.length();
                Matcher length = CONTENT_LENGTH.matcher(text);
                wanted = length.find() ? Integer.parseInt(length.group(1)) : Integer.MAX_VALUE;
            }
        }
        if (head >= 0 && wanted != Integer.MAX_VALUE && text.length() < head + wanted) {
            throw new IOException("the answer ended after " + (text.length() - head) + " of "
                    + wanted + " body bytes");
        }
        return text.toString();
    }

    /** One log line: {@code ok WEB LB} or {@code fail WHY}. */
    String line() {
        return ok ? "ok " + web + " " + lb : "fail " + web.replace('\n', ' ');
    }
}
