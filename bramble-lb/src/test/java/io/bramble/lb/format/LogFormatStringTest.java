package io.bramble.lb.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rendering, each expected value being what HAProxy 2.6.12 put in the header for the same
 * request (a backend echoed the headers it received).
 */
class LogFormatStringTest {
    private static final int LIMIT = 16_384;

    private static String render(String format, FormatContext context) {
        RuleStage stage = context instanceof FixedContext fixed && fixed.responded
                ? RuleStage.RESPONSE
                : RuleStage.REQUEST;
        return LogFormatString.parse(format, stage, w -> {
        }).render(context, LIMIT);
    }

    /** {@code GET /p/a%20th?x=1&y=2} from 127.0.0.1:58396 to 127.0.0.1:27810. */
    private static FixedContext request() {
        return new FixedContext().target("/p/a%20th?x=1&y=2").header("Host", "127.0.0.1:27810")
                .header("X-A", "one, two").header("X-A", "three")
                .header("X-Enc", "a%20b%2Fc+d");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                    "%[src];127.0.0.1", "%[src_port];58396", "%[dst]:%[dst_port];127.0.0.1:27810",
                    "%[ssl_fc];0", "%[req.hdr(host)];127.0.0.1:27810", "%[hdr(x-a)];three",
                    "%[hdr(x-a,1)];one", "%[hdr(x-a,-1)];three", "[%[req.hdr(x-missing)]];[]",
                    "%[path];/p/a%20th", "%[base];127.0.0.1:27810/p/a%20th",
                    "%[url];/p/a%20th?x=1&y=2", "%[method];GET", "[%[query]];[x=1&y=2]",
                    "%[req.ver];1.1", "%[hostname];vm",
                    "%H|%ci|%cp|%fi|%fp|%f|%b;vm|127.0.0.1|58396|127.0.0.1|27810|fe|fe",
                    "%HM|%HU|%HP|%HPO|%HQ|%HV;GET|/p/a%20th?x=1&y=2|/p/a%20th|/p/a%20th|?x=1&y=2|"
                            + "HTTP/1.1",
                    "%[req.hdr(host),upper]|%[req.hdr(host),lower]|%[req.hdr(host),base64];"
                            + "127.0.0.1:27810|127.0.0.1:27810|MTI3LjAuMC4xOjI3ODEw",
                    "%[req.hdr(x-enc),url_dec];a b/c+d", "100%% a  b %[src]x;100% a  b 127.0.0.1x",
                    "%[hdr(x-a,2)]|%[hdr(x-a,3)]|%[hdr(x-a,4)]|%[hdr(x-a,0)];two|three||three",
                    "%[hdr(x-a,-2)]|%[hdr(x-a,-3)]|%[hdr(x-a,-4)]|%[hdr(x-a,)];two|one||three",
                    "%[src]];127.0.0.1]", "%{}ci%{}[src];127.0.0.1127.0.0.1", "a%-b;a-b"})
    void rendersAsHaproxy(String format, String expected) {
        assertThat(render(format, request())).isEqualTo(expected);
    }

    @Test
    void typedValuesCastAsHaproxyCastsThem() {
        FixedContext v4 = new FixedContext();
        v4.client = FixedContext.address("127.0.0.1", 54040);
        v4.frontend = FixedContext.address("127.0.0.1", 27817);
        assertThat(render("%[src,base64]|%[src_port,base64]|%[ssl_fc,base64]|%[dst_port,base64]",
                v4)).isEqualTo("fwAAAQ==|AAAAAAAA0xg=|AAAAAAAAAAA=|AAAAAAAAbKk=");
        assertThat(render("%[src,lower]|%[src_port,upper]|%[ssl_fc,lower]|%[src,url_dec]", v4))
                .isEqualTo("127.0.0.1|54040|0|127.0.0.1");
        FixedContext v6 = new FixedContext();
        v6.client = FixedContext.address("::1", 54130);
        v6.frontend = FixedContext.address("::1", 27817);
        v6.tls = true;
        assertThat(render("%[src,base64]|%[src]|%ci|%[dst]|%[ssl_fc]", v6))
                .isEqualTo("AAAAAAAAAAAAAAAAAAAAAQ==|::1|::1|::1|1");
        v6.client = FixedContext.address("2001:db8:0:0:1:0:0:1", 1);
        assertThat(render("%ci", v6)).isEqualTo("2001:db8::1:0:0:1");
    }

    @Test
    void caseConvertersChangeAsciiLettersOnly() {
        // UTF-8 "ÀéZ" as the header's bytes, one character per byte
        FixedContext context = new FixedContext().header("X-U", "\u00c3\u0080\u00c3\u00a9Z");
        assertThat(render("[%[req.hdr(x-u),lower]][%[req.hdr(x-u),upper]]", context))
                .isEqualTo("[\u00c3\u0080\u00c3\u00a9z][\u00c3\u0080\u00c3\u00a9Z]");
    }

    @Test
    void urlDecodingAndWhatReachesTheHeader() {
        FixedContext context = new FixedContext().header("X-1", "a+b?c+d")
                .header("X-2", "a%zzb").header("X-3", "a%2").header("X-4", "a%00b")
                .header("X-5", "%e9%C3%a9").header("X-6", "%e9a")
                .header("X-C", "a%0Ab%7Fc%09d%01e%C3%A9").header("X-7", "a%2500b");
        assertThat(render("[%[req.hdr(x-1),url_dec]][%[req.hdr(x-1),url_dec(1)]]", context))
                .isEqualTo("[a+b?c d][a b?c d]");
        assertThat(render("[%[req.hdr(x-2),url_dec]][%[req.hdr(x-3),url_dec]]", context))
                .isEqualTo("[][]");
        assertThat(render("[%[req.hdr(x-4),url_dec]][%[req.hdr(x-4),url_dec,base64]]",
                context)).isEqualTo("[a%00b][YQBi]");
        assertThat(render("%[req.hdr(x-5),url_dec]|%[req.hdr(x-6),url_dec,upper]", context))
                .isEqualTo("\u00e9\u00c3\u00a9|\u00e9A");
        // control bytes a sample yields are escaped, the tab is kept
        assertThat(render("[%[req.hdr(x-c),url_dec]]", context))
                .isEqualTo("[a%0Ab%7Fc\td%01e\u00c3\u00a9]");
        // decoding stops at a NUL, as HAProxy's reads a C string
        assertThat(render("[%[req.hdr(x-7),url_dec,url_dec]][%[req.hdr(x-7),url_dec,url_dec,"
                + "url_dec]]", context)).isEqualTo("[a%00b][a]");
        assertThat(render("[%[req.hdr(x-7),url_dec(0)]]", context)).isEqualTo("[a%00b]");
    }

    @Test
    void headerElementsRespectQuotesAndCountEmptyOnes() {
        FixedContext context = new FixedContext().header("X-L", "\"a,b\", ,c")
                .header("X-B", "\"a\\\"b,c\" , d ,").header("X-C", "\"unterminated, x")
                .header("X-C", "");
        for (int i = 1; i <= 6; i++) {
            context.header("X-A", (2 * i - 1) + "," + (2 * i));
        }
        assertThat(render("[%[req.hdr(x-l,1)]][%[req.hdr(x-l,2)]][%[req.hdr(x-l,3)]]"
                + "[%[req.hdr(x-l,4)]]", context)).isEqualTo("[\"a,b\"][][c][]");
        assertThat(render("[%[req.hdr(x-b,1)]][%[req.hdr(x-b,2)]][%[req.hdr(x-b,3)]]",
                context)).isEqualTo("[\"a\\\"b,c\"][d][]");
        assertThat(render("[%[req.hdr(x-c,1)]][%[req.hdr(x-c,2)]][%[req.hdr(x-c)]]", context))
                .isEqualTo("[\"unterminated, x][][]");
        assertThat(render("%[req.hdr(x-a,-10)]|%[req.hdr(x-a,12)]|[%[req.hdr(x-a,13)]]",
                context)).isEqualTo("3|12|[]");
    }

    @Test
    void requestTargetsCutAsHaproxyCutsThem() {
        FixedContext quoted = new FixedContext().target("/a\"b?c").header("Host", "x");
        assertThat(render("%HU|%HP|%HPO|%HQ|%[path]|%[base]|%[url]|%[query]", quoted))
                .isEqualTo("/a#22b?c|/a#22b|/a#22b|?c|/a\"b|x/a\"b|/a\"b?c|c");
        FixedContext absolute = new FixedContext().target("http://Example.com/a/b?c=d")
                .header("Host", "Example.com");
        assertThat(render("%HU|%HP|%HPO|%HQ|%[path]|%[base]", absolute)).isEqualTo(
                "http://Example.com/a/b?c=d|http://Example.com/a/b|/a/b|?c=d|/a/b|"
                        + "Example.com/a/b");
        FixedContext star = new FixedContext().target("*").header("Host", "x");
        assertThat(render("%HU|%HP|%HPO|%HQ|%[path]|%[base]|%[url]|%[query]", star))
                .isEqualTo("*|*||||x|*|");
        FixedContext noHost = new FixedContext().target("/a?");
        noHost.version = "1.0";
        assertThat(render("%HQ|[%[query]]|%[base]|%HV|%[req.ver]", noHost))
                .isEqualTo("?|[]|/a|HTTP/1.0|1.0");
    }

    @Test
    void responseRulesSeeTheResponse() {
        FixedContext context = new FixedContext().target("/p/q?x=1")
                .responseHeader("X-Res", "From-Server").responseHeader("X-Res", "second");
        assertThat(render("%[method]|%[hdr(x-res)]|%[hdr(x-res,1)]|%[res.hdr(x-res)]|%[status]",
                context)).isEqualTo("GET|second|From-Server|second|200");
        assertThat(render("%HM|%HU|%H|%f|%b|%s|%ST|%ci|%si|%sp|%bi|%bp", context)).isEqualTo(
                "GET|/p/q?x=1|vm|fe|be|s1|200|127.0.0.1|127.0.0.1|27801|127.0.0.1|38122");
    }

    @Test
    void aValuePastTheLimitFailsInsteadOfGrowing() {
        FixedContext context = new FixedContext().header("X-B", "a".repeat(1200));
        String format = "%[req.hdr(x-b),base64]".repeat(12);
        assertThat(LogFormatString.parse(format, RuleStage.REQUEST, w -> {
        }).render(context, 19_200)).hasSize(19_200);
        assertThatThrownBy(() -> LogFormatString.parse(format, RuleStage.REQUEST, w -> {
        }).render(context, 19_199)).isInstanceOf(ValueTooLongException.class)
                .hasMessageContaining("19199");
        String grown = "%[req.hdr(x-b)" + ",base64".repeat(12) + "]";
        assertThatThrownBy(() -> LogFormatString.parse(grown, RuleStage.REQUEST, w -> {
        }).render(context, LIMIT)).isInstanceOf(ValueTooLongException.class);
        assertThatThrownBy(() -> LogFormatString.literal("abc").render(context, 2))
                .isInstanceOf(ValueTooLongException.class);
    }

    @Test
    void constantStringsAndLiterals() {
        LogFormatString constant = LogFormatString.parse("100%% sure", RuleStage.REQUEST,
                w -> {
                });
        assertThat(constant.isConstant()).isTrue();
        assertThat(constant.constantText()).isEqualTo("100% sure");
        assertThat(LogFormatString.literal("/%[src]").render(request(), LIMIT))
                .isEqualTo("/%[src]");
        assertThat(LogFormatString.parse("%[src]", RuleStage.REQUEST, w -> {
        }).isConstant()).isFalse();
        assertThat(LogFormatString.parse("", RuleStage.REQUEST, w -> {
        }).render(request(), LIMIT)).isEmpty();
    }

    @Test
    void aDroppedPercentIsWarnedAbout() {
        List<String> warnings = new ArrayList<>();
        LogFormatString.parse("50%-60%]", RuleStage.REQUEST, warnings::add);
        assertThat(warnings).containsExactly(
                "'%-' in '50%-60%]' writes '-' alone, as HAProxy drops a '%' before anything "
                        + "but a tag; write '%%' for a '%'",
                "'%]' in '50%-60%]' writes ']' alone, as HAProxy drops a '%' before anything "
                        + "but a tag; write '%%' for a '%'");
    }
}
