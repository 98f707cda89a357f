package io.bramble.lb.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@code log-format} lines compiled and rendered. The expected lines are what HAProxy 2.6.12
 * wrote for the same format and a request or connection with the same values (its pid,
 * ports and times put in).
 */
class LogLineFormatTest {
    /** 06/Dec/2026:02:09:53.216 UTC. */
    private static final long DATE_MS = 1_796_522_993_216L;
    private static final long PID = ProcessHandle.current().pid();

    private static HttpLogLine.Fields request(String requestLine) {
        return new HttpLogLine.Fields("127.0.0.1", 53114, DATE_MS, "f", "b", "s", 0, 0, 0, 5,
                5, 404, 500, "----", 1, 1, 0, 0, 0, false, requestLine);
    }

    private static String render(String format, HttpLogLine.Fields fields) {
        return LogLineFormat.parse(format).render(fields);
    }

    @Test
    void spacesAreSeparatorsWrittenOnceAndNeverFirst() {
        assertThat(render("  %ci:%cp  %ST   end ", request("GET / HTTP/1.1")))
                .isEqualTo("127.0.0.1:53114 404 end ");
    }

    @Test
    void quotingAppliesToNamesAddressesAndTheRequestOnly() {
        assertThat(render("%{+Q}ST %{+Q}b %{+Q}ci %{+Q}f %{+Q}s %{+Q}tsc %{+Q}rc %{+Q}Tw "
                + "%{+Q}cp %{+Q}HM|%{+Q}HU|%{+Q}HP|%{+Q}HV %{+Q}r [%{-Q}b] %{+Q}pid",
                request("GET /p?q HTTP/1.1")))
                .isEqualTo("404 \"b\" \"127.0.0.1\" \"f\" \"s\" ---- 0 0 53114 "
                        + "\"GET\"|\"/p?q\"|\"/p\"|\"HTTP/1.1\" \"GET /p?q HTTP/1.1\" [b] " + PID);
    }

    @Test
    void hexFlagWritesAddressesPortsAndTimestamps() {
        HttpLogLine.Fields connection = new HttpLogLine.Fields("127.0.0.1", 53114,
                1_548_960_416_000L, "f", "b", "s", -1, 0, 0, -1, 2, -1, 0, "--", 1, 1, 0, 0, 0,
                false, "");
        assertThat(render("%{+X}ci:%{+X}cp %{+X}Ts %{+Q,+X}cp %{+Q+X}ci", connection))
                .isEqualTo("7F000001:CF7A 5C5342A0 CF7A 7F000001");
        assertThat(render("%{+X}ci", new HttpLogLine.Fields("::1", 1, 0, "f", "b", "s", -1, 0,
                0, -1, 2, -1, 0, "--", 1, 1, 0, 0, 0, false, "")))
                .isEqualTo("00000000000000000000000000000001");
    }

    @Test
    void emptyCapturesWriteNothingNotEvenASeparatorAndCookiesADash() {
        assertThat(render("%{+Q}r %hr %hs %CC %{+Q}CS %{+Q}hr end",
                request("GET /a%22b?x=1 HTTP/1.1")))
                .isEqualTo("\"GET /a%22b?x=1 HTTP/1.1\" - \"\" end");
    }

    @Test
    void theRequestLineEscapesQuotesAndControlBytes() {
        assertThat(render("%r|%HU", request("GET /a\"#\u0001 HTTP/1.1")))
                .isEqualTo("GET /a#22#23#01 HTTP/1.1|/a#22#23#01");
    }

    @Test
    void aMalformedRequestIsBadreqInEveryPart() {
        assertThat(render("%HU|%HP|%HV|%HM|%{+Q}r", request("<BADREQ>")))
                .isEqualTo("<BADREQ>|<BADREQ>|<BADREQ>|<BADREQ>|\"<BADREQ>\"");
    }

    @Test
    void datesAndTimersOfARequest() {
        assertThat(render("%trg %Tw/%Tc/%Tr/%Ta %B %ac/%fc/%bc/%sc/%rc", request("GET / "
                + "HTTP/1.1")))
                .isEqualTo("06/Dec/2026:02:09:53 +0000 0/0/5/5 500 1/1/0/0/0");
        assertThat(render("%tr", request("GET / HTTP/1.1")))
                .isEqualTo(HttpLogLine.date(DATE_MS));
    }

    @Test
    void aConnectionLineAsATcpProxyWritesIt() {
        HttpLogLine.Fields connection = new HttpLogLine.Fields("127.0.0.1", 40000, DATE_MS,
                "t", "bt", "s", -1, 0, 0, -1, 2, -1, 234, "--", 1, 1, 0, 0, 1, true, "");
        assertThat(render("%Ts|%ms|%Tt|%sq|%bq|%ts|%tsc|%{+Q}s|%rc", connection))
                .isEqualTo("1796522993|216|2|0|0|--|--|\"s\"|+1");
    }

    @Test
    void percentSignsAreWrittenDoubled() {
        assertThat(render("100%% %ST", request("GET / HTTP/1.1"))).isEqualTo("100% 404");
    }

    @Test
    void variablesBrambleDoesNotFillAreRefusedByName() {
        assertThatThrownBy(() -> LogLineFormat.parse("%ci %U"))
                .hasMessageStartingWith("log-format variable '%U' is not filled by bramble");
        assertThatThrownBy(() -> LogLineFormat.parse("%sslv"))
                .hasMessageStartingWith("log-format variable '%sslv' is not filled");
        assertThatThrownBy(() -> LogLineFormat.parse("%ft"))
                .hasMessageContaining("'~'");
        assertThatThrownBy(() -> LogLineFormat.parse("%Zz"))
                .hasMessage("no such log-format variable '%Zz'; write '%%' for a '%'");
        assertThatThrownBy(() -> LogLineFormat.parse("%[src]"))
                .hasMessageStartingWith("sample expressions ('%[...]') in a log-format line "
                        + "are not evaluated by bramble");
        assertThatThrownBy(() -> LogLineFormat.parse("%{+E}HU"))
                .hasMessageStartingWith("log-format flag '+E' is not supported by bramble");
        assertThatThrownBy(() -> LogLineFormat.parse("%{+X}ms"))
                .hasMessageStartingWith("the +X flag on '%ms' is not supported");
        assertThatThrownBy(() -> LogLineFormat.parse("100%"))
                .hasMessageContaining("starts no variable");
        assertThatThrownBy(() -> LogLineFormat.parse("%{+Q"))
                .hasMessageContaining("no closing '}'");
    }

    @Test
    void variablesSayWhichLinesFillThem() {
        LogLineFormat format = LogLineFormat.parse("%t %tr %Ta %Tt %sq %ci %r");
        assertThat(format.unfilledIn(true)).isEqualTo("%t %Tt %sq");
        assertThat(format.unfilledIn(false)).isEqualTo("%tr %Ta %r");
    }
}
