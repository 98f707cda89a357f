package io.bramble.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.net.HostPort;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArgsTest {
    private final Diagnostics diagnostics = new Diagnostics();

    private Args args(String text) {
        return args(1, text);
    }

    private Args args(int keywordWords, String text) {
        List<String> words = Arrays.asList(text.split(" "));
        return new Args(new ConfigLine(new Location("t.cfg", 7), words), keywordWords,
                diagnostics);
    }

    @Test
    void cursorWalksTheWordsAfterTheKeyword() {
        Args a = args(2, "timeout connect 5s extra more");
        assertThat(a.keyword()).isEqualTo("timeout connect");
        assertThat(a.where()).hasToString("t.cfg:7");
        assertThat(a.peek()).contains("5s");
        assertThat(a.nextIf("6s")).isFalse();
        assertThat(a.nextIf("5s")).isTrue();
        assertThat(a.next("x")).isEqualTo("extra");
        assertThat(a.remaining()).containsExactly("more");
        assertThat(a.rest()).containsExactly("more");
        assertThat(a.hasNext()).isFalse();
        assertThat(a.peek()).isEmpty();
        a.end();
        assertThatThrownBy(() -> a.next("a server name"))
                .isInstanceOf(ConfigError.class)
                .hasMessage("expected a server name, got nothing");
    }

    @Test
    void endRejectsLeftoverWords() {
        assertThatThrownBy(() -> args("maxconn 1 2").end())
                .hasMessage("unexpected extra words '1 2'");
        assertThatThrownBy(() -> args("daemon now").end())
                .hasMessage("unexpected extra word 'now'");
    }

    @ParameterizedTest
    @CsvSource({"1,1", "100,100", "65535,65535", "-0,0"})
    void integerWithinBounds(String word, int value) {
        assertThat(args("k " + word).integer("n", 0, 65_535)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"65536", "-1", "1.5", "0x10", "ten", "99999999999999999999", "+3"})
    void integerOutOfBoundsOrMalformed(String word) {
        assertThatThrownBy(() -> args("k " + word).integer("a count", 0, 65_535))
                .isInstanceOf(ConfigError.class)
                .hasMessage("expected a count (an integer from 0 to 65535), got '" + word + "'");
    }

    @Test
    void longIntegerReachesLongBounds() {
        assertThat(args("k " + Long.MAX_VALUE).longInteger("n", 0, Long.MAX_VALUE))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(args("k -5").longInteger("n", -10, 10)).isEqualTo(-5);
    }

    @ParameterizedTest
    @CsvSource({"5000,MILLIS,PT5S", "500ms,MILLIS,PT0.5S", "2s,MILLIS,PT2S", "1m,MILLIS,PT1M",
            "2h,MILLIS,PT2H", "1d,MILLIS,PT24H", "250us,MILLIS,PT0.00025S",
            "1,SECONDS,PT1S", "0.1,SECONDS,PT0.1S", "3,SECONDS,PT3S", "0,MILLIS,PT0S"})
    void durationUnits(String word, ChronoUnit bare, Duration expected) {
        assertThat(args("k " + word).duration("d", Duration.ZERO, Duration.ofDays(24), bare))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"25d", "5x", "-1", "s", "1.s", "1.5.2", "ms5", "", "1e3",
                    "99999999999999999d"})
    void durationOutOfBoundsOrMalformed(String word) {
        assertThatThrownBy(() -> args("timeout " + word).duration("a timeout", Duration.ZERO,
                Duration.ofDays(24), ChronoUnit.MILLIS))
                .isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("expected a timeout (a duration from 0 to 24d; a bare"
                        + " number means milliseconds), got");
    }

    @Test
    void durationLowerBoundIsChecked() {
        assertThatThrownBy(() -> args("inter 0.5ms").duration("an interval",
                Duration.ofMillis(1), Duration.ofHours(1), ChronoUnit.MILLIS))
                .hasMessage("expected an interval (a duration from 1ms to 1h; a bare number "
                        + "means milliseconds), got '0.5ms'");
    }

    @ParameterizedTest
    @CsvSource({"1024,1024", "16k,16384", "16K,16384", "2m,2097152", "1g,1073741824"})
    void sizesInBytes(String word, long bytes) {
        assertThat(args("k " + word).sizeBytes("s", 1, 1L << 40)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "2g", "1t", "1.5k", "k", "-1", "99999999999999999g"})
    void sizesOutOfBoundsOrMalformed(String word) {
        assertThatThrownBy(() -> args("k " + word).sizeBytes("a buffer size", 1, 1L << 30))
                .hasMessage("expected a buffer size (a size from 1 to 1g bytes; k, m and g "
                        + "suffixes allowed), got '" + word + "'");
    }

    @Test
    void portsAndAddresses() {
        assertThat(args("k 80").port("a port")).isEqualTo(80);
        assertThatThrownBy(() -> args("k 0").port("a port"))
                .hasMessage("expected a port (an integer from 1 to 65535), got '0'");
        assertThat(args("k [::1]:443").hostPort("an address")).isEqualTo(new HostPort("::1",
                443));
        assertThatThrownBy(() -> args("k web1").hostPort("a server address"))
                .hasMessageContaining("got 'web1'");
        assertThat(args("k 192.168.2.100").inetAddress("a VIP").getHostAddress())
                .isEqualTo("192.168.2.100");
        assertThat(args("k ::1").inetAddress("a VIP").getHostAddress()).isEqualTo(
                "0:0:0:0:0:0:0:1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"256.1.1.1", "1.2.3", "localhost", "example.com", "1.2.3.4.5",
                    "[::1]", "fe80::1%eth0", "01234.1.1.1"})
    void inetAddressRefusesNonLiterals(String word) {
        assertThatThrownBy(() -> args("k " + word).inetAddress("a VIP"))
                .hasMessage("expected a VIP (an IPv4 or IPv6 address such as 192.168.2.100 or"
                        + " ::1), got '" + word + "'");
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/8,10.0.0.0/8", "127.0.0.1,127.0.0.1/32",
            "192.168.0.0/255.255.0.0,192.168.0.0/16", "fd00::/8,fd00:0:0:0:0:0:0:0/8",
            "::1,0:0:0:0:0:0:0:1/128", "0.0.0.0/0,0.0.0.0/0"})
    void cidrs(String word, String shown) {
        assertThat(args("k " + word).cidr("a network")).hasToString(shown);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"10.0.0.0/33", "::1/129", "10.0.0.0/255.0.255.0", "10.0.0.0/",
                    "net/8", "10.0.0.0/-1"})
    void cidrsOutOfBounds(String word) {
        assertThatThrownBy(() -> args("k " + word).cidr("a network"))
                .hasMessageContaining("got '" + word + "'");
    }

    enum Algorithm {
        ROUNDROBIN, STATIC_RR, LEASTCONN
    }

    @Test
    void choicesAndEnums() {
        assertThat(args("mode tcp").choice("a mode", "http", "tcp")).isEqualTo("tcp");
        assertThatThrownBy(() -> args("mode htp").choice("a mode", "http", "tcp"))
                .hasMessage("expected a mode (one of http, tcp), got 'htp'; did you mean "
                        + "'http'?");
        assertThat(args("balance static-rr").choice("an algorithm", Algorithm.class))
                .isEqualTo(Algorithm.STATIC_RR);
        assertThatThrownBy(() -> args("balance STATIC_RR").choice("an algorithm",
                Algorithm.class))
                .hasMessage("expected an algorithm (one of roundrobin, static-rr, leastconn), "
                        + "got 'STATIC_RR'");
    }

    @Test
    void blocksMustBeAskedFor() {
        assertThat(args("k").hasBlock()).isFalse();
        assertThatThrownBy(() -> args("virtual_ipaddress").block("addresses"))
                .hasMessage("expected a { } block of addresses after 'virtual_ipaddress'");
    }

    @Test
    void warningsAndErrorsNameTheLine() {
        Args a = args(2, "stats socket /run/x");
        a.warning("ignored");
        a.error("bad");
        assertThat(diagnostics.all()).extracting(Diagnostic::toString).containsExactly(
                "t.cfg:7: stats socket: warning: ignored", "t.cfg:7: stats socket: bad");
    }

    @Test
    void longUserTextIsCutInMessages() {
        String word = "x".repeat(500);
        assertThatThrownBy(() -> args("k " + word).integer("n", 0, 1))
                .hasMessage("expected n (an integer from 0 to 1), got '" + "x".repeat(80)
                        + "...'");
    }
}
