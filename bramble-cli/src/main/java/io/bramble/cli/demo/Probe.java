package io.bramble.cli.demo;

import io.bramble.common.time.Clock;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's client: {@code GET /} through the virtual address every {@link #INTERVAL_MS},
 * each on a connection of its own as a browser's first visit, HTTP/1.0. A {@link Reading}
 * says whether an answer counts: for the website demo ({@link #parse}), a 200 whose page names
 * a web server and whose {@link DemoFiles#LB_HEADER} names a balancer; a refused connection, a
 * timeout or another status is a failed request.
 */
final class Probe implements Runnable {
    /** What an answer (head and body as text) says: a sample that worked or failed. */
    @FunctionalInterface
    interface Reading {
        Sample sample(long atMs, long tookMs, String answer);
    }

    static final long INTERVAL_MS = 50;
    /** Connect and read timeout of one request. */
    static final int TIMEOUT_MS = 1_000;
    /** A page bigger than this is not the demo's. */
    static final int ANSWER_BYTES_MAX = 64 * 1024;
    private static final Pattern BODY = Pattern.compile("<body>([^<]{1,64})</body>");
    private static final Pattern LB = Pattern.compile("(?im)^" + DemoFiles.LB_HEADER
            + ":[ \\t]*(\\S{1,64})");
    private static final Pattern LENGTH = Pattern.compile(
            "(?im)^content-length:[ \\t]*(\\d{1,9})[ \\t]*$");

    private final String host;
    private final int port;
    private final Clock clock;
    private final long startNanos;
    private final Samples samples;
    private final Reading reading;
    private volatile boolean running = true;

    Probe(String host, int port, Clock clock, long startNanos, Samples samples) {
        this(host, port, clock, startNanos, samples, Probe::parse);
    }

    Probe(String host, int port, Clock clock, long startNanos, Samples samples,
            Reading reading) {
        this.host = host;
        this.port = port;
        this.clock = clock;
        this.startNanos = startNanos;
        this.samples = samples;
        this.reading = reading;
    }

    @Override
    public void run() {
        long next = clock.nanoTime();
        while (running) {
            long sent = clock.nanoTime();
            Sample sample = get(sinceStartMs(sent), sent);
            samples.add(sample);
            next += INTERVAL_MS * 1_000_000L;
            long wait = next - clock.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = clock.nanoTime();
            }
        }
    }

    void stop() {
        running = false;
    }

    private long sinceStartMs(long nanos) {
        return (nanos - startNanos) / 1_000_000L;
    }

    private Sample get(long atMs, long sentNanos) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.getOutputStream().write(("GET / HTTP/1.0\r\nHost: " + host + ":" + port
                    + "\r\nUser-Agent: bramble-demo\r\n\r\n").getBytes(
                            StandardCharsets.US_ASCII));
            String answer = read(new BufferedInputStream(socket.getInputStream()));
            return reading.sample(atMs, took(sentNanos), answer);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Sample.failed(atMs, took(sentNanos), why.toLowerCase(Locale.ROOT));
        }
    }

    private long took(long sentNanos) {
        return (clock.nanoTime() - sentNanos) / 1_000_000L;
    }

    static Sample parse(long atMs, long tookMs, String answer) {
        Optional<Sample> failed = notOk(atMs, tookMs, answer);
        if (failed.isPresent()) {
            return failed.get();
        }
        Matcher body = BODY.matcher(answer);
        Matcher lb = LB.matcher(answer);
        if (!body.find() || !lb.find()) {
            return Sample.failed(atMs, tookMs, "a page from neither web server");
        }
        return Sample.ok(atMs, tookMs, body.group(1), lb.group(1));
    }

    /** A failed sample when the answer's status is not 200 (or there is none). */
    static Optional<Sample> notOk(long atMs, long tookMs, String answer) {
        int lineEnd = answer.indexOf('\r');
        String status = lineEnd < 0 ? answer : answer.substring(0, lineEnd);
        if (!status.matches("HTTP/1\\.[01] 200 .*")) {
            return Optional.of(Sample.failed(atMs, tookMs, status.isEmpty()
                    ? "no answer"
                    : status));
        }
        return Optional.empty();
    }

    /**
     * The head, then as many body bytes as Content-Length says (a browser stops there too),
     * or up to the end of the stream.
     */
    private static String read(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int bodyStart = -1;
        long wanted = Long.MAX_VALUE;
        while (text.length() < ANSWER_BYTES_MAX && (bodyStart < 0 || text.length()
                - bodyStart < wanted)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
            if (bodyStart < 0 && text.length() >= 4 && text.lastIndexOf("\r\n\r\n") == text
                    .length() - 4) {
                bodyStart = text.length();
                Matcher length = LENGTH.matcher(text);
                wanted = length.find() ? Long.parseLong(length.group(1)) : Long.MAX_VALUE;
            }
        }
        if (bodyStart >= 0 && wanted != Long.MAX_VALUE && text.length() - bodyStart < wanted) {
            throw new IOException("the answer stopped after " + (text.length() - bodyStart)
                    + " of " + wanted + " bytes");
        }
        return text.toString();
    }
}
