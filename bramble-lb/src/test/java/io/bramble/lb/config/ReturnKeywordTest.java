package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code http-request return} and {@code replace-path} lines, with HAProxy 2.6's verdicts. */
class ReturnKeywordTest {
    private static LbConfig parse(String rule) {
        return new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                frontend f
                    mode http
                    bind 127.0.0.1:8080
                    %s
                """.formatted(rule));
    }

    private static void refused(String rule, String message) {
        assertThatThrownBy(() -> parse(rule)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("lb.cfg:4").hasMessageContaining(message);
    }

    private static HttpReply reply(LbConfig config) {
        return ((HttpRequestAction.Return) config.frontends().getFirst().requestRules()
                .getFirst().action()).reply();
    }

    @Test
    void readsStatusTypeBodyAndHeaders() {
        HttpReply reply = reply(parse("http-request return status 302 hdr Location /x"));
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.headers()).extracting(HttpReply.Header::name)
                .containsExactly("Location");
        assertThat(reply.body()).isEmpty();
        HttpReply text = reply(parse("http-request return content-type text/plain string hi"
                + " if TRUE"));
        assertThat(text.status()).isEqualTo(HttpReply.STATUS_DEFAULT);
        assertThat(text.contentType()).contains("text/plain");
        assertThat(text.body().orElseThrow().constantText()).isEqualTo("hi");
    }

    @Test
    void refusesWhatHaproxyRefuses() {
        refused("http-request return string hi", "a content type must be defined");
        refused("http-request return status 204 content-type text/plain string hi",
                "no body expected for 204 responses");
        refused("http-request return status 100", "a status code");
        refused("http-request return status 600", "a status code");
        refused("http-request return string a string b content-type a/b",
                "'string' already defined");
        refused("http-request return status 200 content-type a/b string hi hdr",
                "a header name");
        refused("http-request return content-type a/b file /etc/motd",
                "'file' is not supported by bramble");
        refused("http-request replace-path /(( /x", "invalid regular expression");
    }

    @Test
    void warnsWhereHaproxyWarnsAndDropsWhatItIgnores() {
        LbConfig typeAlone = parse("http-request return content-type text/plain");
        assertThat(reply(typeAlone).contentType()).isEmpty();
        assertThat(typeAlone.warnings()).singleElement().asString().contains("lb.cfg:4")
                .contains("content-type 'text/plain' ignored");
        LbConfig computed = parse("http-request return hdr Content-Length 5 hdr X-B b");
        assertThat(reply(computed).headers()).extracting(HttpReply.Header::name)
                .containsExactly("X-B");
        assertThat(computed.warnings()).singleElement().asString()
                .contains("header 'Content-Length' always ignored");
    }
}
