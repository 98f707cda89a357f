package io.bramble.cli.demo;

import io.bramble.common.time.Clock;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the demo prints, one whole line at a time from any thread: its own messages, the
 * children's VRRP events, and once a second a line of what the client saw in that second.
 */
final class Console {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final PrintWriter out;
    private final Clock clock;
    private boolean muted;

    Console(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    synchronized void line(String text) {
        if (!muted) {
            out.println(text);
            out.flush();
        }
    }

    /** Prints {@code text} and nothing after it: the demo is stopping. */
    synchronized void last(String text) {
        line(text);
        muted = true;
    }

    /** Prints nothing more. */
    synchronized void mute() {
        muted = true;
    }

    void blank() {
        line("");
    }

    /** A child's line worth showing, such as a VRRP state change. */
    void event(String child, String text) {
        line("  " + now() + "  " + child + ": " + text);
    }

    /**
     * One second of the client, ended at {@code endEpochMs}: which web server and balancer
     * answered, what failed.
     */
    void second(long endEpochMs, List<Sample> samples) {
        long web1 = samples.stream().filter(s -> s.from("web1")).count();
        long web2 = samples.stream().filter(s -> s.from("web2")).count();
        long lb1 = samples.stream().filter(s -> s.through("lb1")).count();
        long lb2 = samples.stream().filter(s -> s.through("lb2")).count();
        long failed = Samples.failures(samples);
        line(String.format(Locale.ROOT, "  %s  web1 %2d  web2 %2d   through lb1 %2d  lb2 %2d"
                + "   failed %2d%s", TIME.format(Instant.ofEpochMilli(endEpochMs)), web1, web2,
                lb1, lb2, failed,
                failed == 0
                        ? ""
                        : "  (" + String.join("; ", samples.stream().filter(s -> !s.ok())
                                .map(Sample::failure).distinct().limit(2).toList()) + ")"));
    }

    private String now() {
        return TIME.format(Instant.ofEpochMilli(clock.epochMillis()));
    }
}
