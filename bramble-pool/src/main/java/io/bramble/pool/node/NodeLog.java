package io.bramble.pool.node;

import io.bramble.common.time.Clock;
import java.io.PrintStream;
import java.time.Instant;

/** The node's event log: one line per event on standard output, with a UTC timestamp. */
public final class NodeLog {
    private final PrintStream out;
    private final Clock clock;

    public NodeLog(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void event(String text) {
        String line = Instant.ofEpochMilli(clock.epochMillis()) + " " + text;
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
