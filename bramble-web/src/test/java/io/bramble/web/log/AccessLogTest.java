package io.bramble.web.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.bramble.common.time.ManualClock;
import java.io.IOException;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccessLogTest {
    // 2000-10-10T20:55:36Z, the instant of Apache's own example line.
    private static final long EXAMPLE_MILLIS = 971_211_336_000L;
    private final ManualClock clock = new ManualClock(0, EXAMPLE_MILLIS);
    private final StringBuilder out = new StringBuilder();
    private final AccessLog log = new AccessLog(out, clock, ZoneOffset.ofHours(-7));

    @Test
    void writesTheCombinedFormat() {
        log.write(new AccessLogEntry("127.0.0.1", log.now(), "GET /apache_pb.gif HTTP/1.0",
                200, 2326, "http://www.example.com/start.html",
                "Mozilla/4.08 [en] (Win98; I ;Nav)"));
        assertThat(out).hasToString("127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "
                + "\"GET /apache_pb.gif HTTP/1.0\" 200 2326 "
                + "\"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"\n");
    }

    @Test
    void showsMissingFieldsAndEmptyBodiesAsDashes() {
        log.write(new AccessLogEntry("::1", log.now(), null, 400, 0, null, null));
        assertThat(out)
                .hasToString("::1 - - [10/Oct/2000:13:55:36 -0700] \"-\" 400 - \"-\" \"-\"\n");
    }

    @Test
    void takesTheTimeFromTheClock() {
        clock.advanceMillis(86_400_000L + 1_500);
        String line = log.format(new AccessLogEntry("10.0.0.1", log.now(), "GET / HTTP/1.1", 304,
                0, null, "curl"));
        assertThat(line).contains("[11/Oct/2000:13:55:37 -0700]");
    }

    @Test
    void escapesWhatCouldForgeALine() {
        String line = log.format(new AccessLogEntry("10.0.0.1", EXAMPLE_MILLIS,
                "GET /a\"b\\c HTTP/1.1", 404, 10, "x\ny", "agent\u0001\u00e9\r\t"));
        assertThat(line).isEqualTo("10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "
                + "\"GET /a\\\"b\\\\c HTTP/1.1\" 404 10 \"x\\ny\" \"agent\\x01\\xe9\\r\\t\"");
        assertThat(line).doesNotContain("\n");
    }

    @Test
    void aFailingOutputDoesNotFailRequests() {
        Appendable broken = new Appendable() {
            @Override
            public Appendable append(CharSequence csq) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(CharSequence csq, int start, int end) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(char c) throws IOException {
                throw new IOException("disk full");
            }
        };
        AccessLog failing = new AccessLog(broken, clock, ZoneOffset.UTC);
        AccessLogEntry entry = new AccessLogEntry("h", 0, "GET / HTTP/1.1", 200, 1, null, null);
        assertThatCode(() -> {
            failing.write(entry);
            failing.write(entry);
        }).doesNotThrowAnyException();
    }
}
