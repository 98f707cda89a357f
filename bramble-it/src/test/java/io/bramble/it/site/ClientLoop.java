package io.bramble.it.site;

import java.io.PrintStream;
import java.util.concurrent.locks.LockSupport;

/**
 * The client of the website lab, run as a process of its own inside the client's namespace:
 * {@code GET /} through the virtual address every {@code INTERVAL_MS}, one line per request,
 * {@code SENT_EPOCH_MS TOOK_MS ok WEB LB} or {@code SENT_EPOCH_MS TOOK_MS fail WHY}. Ends
 * when the process {@code PID} (the test JVM) is gone.
 *
 * <pre>ClientLoop HOST PORT INTERVAL_MS TIMEOUT_MS PID</pre>
 */
public final class ClientLoop {
    private ClientLoop() {
    }

    public static void main(String[] args) {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        long intervalNanos = Long.parseLong(args[2]) * 1_000_000L;
        int timeoutMs = Integer.parseInt(args[3]);
        ProcessHandle parent = ProcessHandle.of(Long.parseLong(args[4])).orElseThrow();
        PrintStream out = System.out;
        long next = System.nanoTime();
        while (parent.isAlive()) {
            long sentAt = System.currentTimeMillis();
            long start = System.nanoTime();
            Answer answer = Answer.get(host, port, timeoutMs);
            long tookMs = (System.nanoTime() - start) / 1_000_000L;
            out.println(sentAt + " " + tookMs + " " + answer.line());
            out.flush();
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }
}
