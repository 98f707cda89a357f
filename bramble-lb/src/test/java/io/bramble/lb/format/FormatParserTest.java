package io.bramble.lb.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What compiles, how it is written back, and what is refused with which message. */
class FormatParserTest {
    private static LogFormatString request(String text) {
        return LogFormatString.parse(text, RuleStage.REQUEST, w -> {
        });
    }

    private static LogFormatString response(String text) {
        return LogFormatString.parse(text, RuleStage.RESPONSE, w -> {
        });
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                    "http;http", "100%%;100%%", "%ci:%cp;%ci:%cp", "%[src];%[src]",
                    "%[hdr(Host)];%[req.hdr(Host)]", "%[req.hdr(x,0)];%[req.hdr(x)]",
                    "%[req.hdr(x,)];%[req.hdr(x)]", "%[req.hdr(x,+2)];%[req.hdr(x,2)]",
                    "%[req.hdr(x,-3),lower,base64];%[req.hdr(x,-3),lower,base64]",
                    "%[src()];%[src]", "%[url,url_dec()];%[url,url_dec]",
                    "%[url,url_dec(0)];%[url,url_dec]", "%[url,url_dec(7)];%[url,url_dec(1)]",
                    "%{}ci;%ci", "%{}[src];%[src]", "%ci-x;%ci-x", "%H%HU%HV;%H%HU%HV",
                    "a%-b;a-b"})
    void writesItBack(String text, String written) {
        LogFormatString compiled = request(text);
        assertThat(compiled).hasToString(written);
        assertThat(request(compiled.toString())).isEqualTo(compiled);
    }

    @ParameterizedTest(name = "{0} is written {1} in a response rule")
    @CsvSource(
            delimiter = ';',
            value = {"%[hdr(x)];%[res.hdr(x)]", "%[status]/%ST/%s;%[status]/%ST/%s",
                    "%si:%sp %bi:%bp;%si:%sp %bi:%bp", "%[method]%[src];%[method]%[src]"})
    void responseRulesReadTheResponse(String text, String written) {
        assertThat(response(text)).hasToString(written);
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource(
            delimiter = ';',
            value = {
                    "%[foo];sample fetch 'foo' is not supported by bramble; fetches here: src, "
                            + "src_port, dst, dst_port, ssl_fc, hostname, method, path, base, url, "
                            + "query, req.ver, req.hdr(NAME[,OCCURRENCE]), hdr(NAME[,OCCURRENCE])",
                    "%[SRC];sample fetch 'SRC' is not supported",
                    "%[unique-id];sample fetch 'unique-id' is not supported by bramble, which "
                            + "has no unique-id-format",
                    "%Z;'%Z' is not a log-format tag (write '%%' for a '%'); tags here: %ci %cp "
                            + "%fi %fp %H %f %b %HM %HU %HP %HPO %HQ %HV",
                    "%T;'%T' is not supported by bramble; tags here:",
                    "%ID;'%ID' is not supported by bramble, which has no unique-id-format",
                    "%o%ci;'%o' (flags for every tag after it) is not supported by bramble",
                    "%cix;'%cix' is not a log-format tag", "%{}cix;'%cix' is not a log-format tag",
                    "%bi;'%bi' has no value in http-request rules: no server has answered yet "
                            + "(HAProxy writes a placeholder)",
                    "%s;'%s' has no value in http-request rules", "%ST;'%ST' has no value",
                    "%[res.hdr(x)];sample fetch 'res.hdr' has no value in http-request rules: "
                            + "there is no response yet",
                    "%[status];sample fetch 'status' has no value in http-request rules",
                    "%[src;expected ']' to end '%[src'",
                    "%[src]%[dst;expected ']' to end '%[dst'",
                    "a%;'a%' ends with a lone '%'; write '%%' for a '%'",
                    "%%%;ends with a lone '%'",
                    "%1;'%1' in '%1' is not a tag; write '%%' for a '%'",
                    "'% a';'% ' in '% a' is not a tag",
                    "%{+Q}[src];log-format flags ('%{+Q}') are not supported by bramble",
                    "%{+Q;'%{' in '%{+Q' has no closing '}'",
                    "%{}%;expected a tag or '[' after '%{}'",
                    "%[src,foo];converter 'foo' is not supported by bramble; converters: lower, "
                            + "upper, base64, url_dec([IN_FORM])",
                    "%[src,LOWER];converter 'LOWER' is not supported",
                    "%[src,];expected a converter after ','",
                    "%[src,,lower];expected a converter after ','",
                    "%[req.hdr];sample fetch 'req.hdr' needs a header name: "
                            + "req.hdr(NAME[,OCCURRENCE])",
                    "%[hdr()];sample fetch 'hdr' needs a header name",
                    "%[req.hdr(host,x)];expected an integer argument to 'req.hdr', got 'x'",
                    "%[req.hdr(host,1,2)];takes a header name and an occurrence, got 3 arguments",
                    "%[req.hdr(x,-11)];header occurrence -11 in 'req.hdr' is below -10: HAProxy "
                            + "keeps only the last 10 elements",
                    "%[req.hdr(a b)];expected a header name in 'req.hdr(...)', got 'a b'",
                    "%[req.hdr(host];expected ')' after the arguments of 'req.hdr'",
                    "%[src(1)];sample fetch 'src' takes no arguments",
                    "%[src,lower(1)];converter 'lower' takes no arguments",
                    "%[src,url_dec(1,2)];converter 'url_dec' takes at most one argument",
                    "%[src,url_dec(a)];expected an integer argument to 'url_dec', got 'a'",
                    "%[ src ];expected a sample fetch after '%['",
                    "%[];expected a sample fetch after '%['",
                    "%[req.hdr(host) ,lower];expected ',' or ']' after '%[req.hdr(host)', got ' '",
                    "%[req.hdr(host)lower];expected ',' or ']' after '%[req.hdr(host)', got 'l'",
                    "%[src,lower,lower,lower,lower,lower,lower,lower,lower,lower,lower,lower,"
                            + "lower,lower,lower,lower,lower,lower];more than 16 converters"})
    void refusesWithItsReason(String text, String message) {
        assertThatThrownBy(() -> request(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "[{0}] is refused in a response rule")
    @CsvSource(
            delimiter = ';',
            value = {
                    "%[path];sample fetch 'path' has no value in http-response rules: HAProxy 2.6"
                            + " refuses the request's line and headers there too; fetches here: "
                            + "src, src_port, dst, dst_port, ssl_fc, hostname, method, status, "
                            + "res.hdr(NAME[,OCCURRENCE]), hdr(NAME[,OCCURRENCE])",
                    "%[req.hdr(host)];sample fetch 'req.hdr' has no value in http-response rules",
                    "%[url];has no value", "%[base];has no value", "%[query];has no value",
                    "%[req.ver];has no value"})
    void responseRulesRefuseTheRequestLine(String text, String message) {
        assertThatThrownBy(() -> response(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "a {0} in the text is refused")
    @CsvSource({"'a\rb'", "'a\nb'", "'a\u0000b'"})
    void refusesLineBreaksAndNul(String text) {
        assertThatThrownBy(() -> request(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a CR, LF or NUL character cannot go into a header or a Location");
    }

    @ParameterizedTest(name = "[{0}] is refused in a check")
    @CsvSource({"%ci", "up %[src]", "%{+Q}ci", "%{}[src]"})
    void checksTakeNoTags(String text) {
        assertThatThrownBy(() -> LogFormatString.parse(text, RuleStage.CHECK, w -> {
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("'" + text + "' holds a "
                + "log-format tag or sample expression, which bramble does not evaluate in "
                + "health checks; write the text itself ('%%' for a '%')");
    }

    @Test
    void checksTakeTheirText() {
        assertThat(LogFormatString.parse("100%% up", RuleStage.CHECK, w -> {
        }).constantText()).isEqualTo("100% up");
        assertThatThrownBy(() -> LogFormatString.parse("100%", RuleStage.CHECK, w -> {
        })).hasMessageContaining("ends with a lone '%'");
    }

    @Test
    void longTextIsCutInMessages() {
        String text = "x".repeat(1000) + "%";
        assertThatThrownBy(() -> request(text)).hasMessage("'" + "x".repeat(80) + "...' ends "
                + "with a lone '%'; write '%%' for a '%'");
        String fetch = "f".repeat(1000);
        assertThatThrownBy(() -> request("%[" + fetch + "]")).hasMessageStartingWith(
                "sample fetch '" + "f".repeat(80) + "...' is not supported by bramble");
    }
}
