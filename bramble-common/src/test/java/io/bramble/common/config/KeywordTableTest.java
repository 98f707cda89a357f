package io.bramble.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordTableTest {
    private final Diagnostics diagnostics = new Diagnostics();

    private static ConfigLine line(int number, String text) {
        return new ConfigLine(new Location("t.cfg", number), List.of(text.split(" ")));
    }

    private final KeywordTable<List<String>> table = new KeywordTable<List<String>>(
            "the test section")
            .keyword("log", (t, a) -> t.add("log " + a.rest()))
            .keyword("option httpchk", (t, a) -> t.add("httpchk " + a.rest()))
            .keyword("no option httpclose", (t, a) -> t.add("no httpclose"))
            .keyword("http-request set-header", (t, a) -> t.add("set " + a.next("name")))
            .unsupported("option splice-auto", "")
            .warnOnly("chroot", "bramble does not chroot");

    @Test
    void multiWordKeywordsAreMatchedWordByWord() {
        List<String> seen = new ArrayList<>();
        table.dispatch(seen, line(1, "option httpchk HEAD /"), diagnostics);
        table.dispatch(seen, line(2, "no option httpclose"), diagnostics);
        table.dispatch(seen, line(3, "http-request set-header X-A b"), diagnostics);
        table.dispatch(seen, line(4, "log global"), diagnostics);
        assertThat(seen).containsExactly("httpchk [HEAD, /]", "no httpclose", "set X-A",
                "log [global]");
        assertThat(diagnostics.all()).isEmpty();
        assertThat(table.keywords()).containsExactly("log", "option httpchk",
                "option splice-auto", "no option httpclose", "http-request set-header",
                "chroot");
    }

    @Test
    void aKeywordRegisteredWithParenthesesTakesAnyArgumentThere() {
        List<String> seen = new ArrayList<>();
        KeywordTable<List<String>> withArgument = new KeywordTable<List<String>>("t")
                .keyword("http-request set-var()", (t, a) -> t.add(a.keyword() + " "
                        + a.rest()))
                .unsupported("http-request sc-inc-gpc1", "");
        withArgument.dispatch(seen, line(1, "http-request set-var(txn.x) str(1)"), diagnostics);
        withArgument.dispatch(seen, line(2, "http-request sc-inc-gpc1(0)"), diagnostics);
        withArgument.dispatch(seen, line(3, "http-request set-var"), diagnostics);
        assertThat(seen).containsExactly("http-request set-var(txn.x) [str(1)]");
        assertThat(diagnostics.all()).extracting(Diagnostic::toString).containsExactly(
                "t.cfg:2: http-request sc-inc-gpc1(0): not supported by bramble",
                "t.cfg:3: http-request set-var: unknown keyword in t; did you mean "
                        + "'http-request set-var()'?");
    }

    @Test
    void everyProblemIsCollectedAndDispatchGoesOn() {
        List<String> seen = new ArrayList<>();
        for (String text : List.of("lgo x", "option", "option httpchek", "httpchk",
                "option splice-auto", "chroot /var/lib/haproxy", "http-request set-header",
                "frob", "log ok")) {
            table.dispatch(seen, line(seen.size() + diagnostics.all().size() + 1, text),
                    diagnostics);
        }
        assertThat(seen).containsExactly("log [ok]");
        assertThat(diagnostics.all()).extracting(Diagnostic::toString).containsExactly(
                "t.cfg:1: lgo: unknown keyword in the test section; did you mean 'log'?",
                "t.cfg:2: option: expected one of httpchk after 'option', got nothing",
                "t.cfg:3: option httpchek: unknown keyword in the test section; did you mean "
                        + "'option httpchk'?",
                "t.cfg:4: httpchk: unknown keyword in the test section; did you mean "
                        + "'option httpchk'?",
                "t.cfg:5: option splice-auto: not supported by bramble",
                "t.cfg:6: chroot: warning: bramble does not chroot",
                "t.cfg:7: http-request set-header: expected name, got nothing",
                "t.cfg:8: frob: unknown keyword in the test section");
        assertThat(diagnostics.errorCount()).isEqualTo(7);
    }

    @Test
    void prefixesMarkWholeFamiliesUnsupported() {
        KeywordTable<List<String>> t = new KeywordTable<List<String>>("global")
                .keyword("tune.bufsize", (target, a) -> target.add("bufsize"))
                .unsupportedPrefix("tune.", "bramble sizes its own buffers");
        List<String> seen = new ArrayList<>();
        t.dispatch(seen, line(1, "tune.bufsize 16384"), diagnostics);
        t.dispatch(seen, line(2, "tune.ssl.default-dh-param 2048"), diagnostics);
        assertThat(seen).containsExactly("bufsize");
        assertThat(diagnostics.all()).extracting(Diagnostic::toString).containsExactly(
                "t.cfg:2: tune.ssl.default-dh-param: not supported by bramble; bramble sizes "
                        + "its own buffers");
    }

    @Test
    void handlersMayFailWithIllegalArgument() {
        KeywordTable<List<String>> t = new KeywordTable<List<String>>("s").keyword("x",
                (target, a) -> {
                    throw new IllegalArgumentException("port must be 1 to 65535, got 0");
                });
        t.dispatch(new ArrayList<>(), line(3, "x"), diagnostics);
        assertThat(diagnostics.errors()).extracting(Diagnostic::toString).containsExactly(
                "t.cfg:3: x: port must be 1 to 65535, got 0");
    }

    @Test
    void blocksAreGivenToHandlersThatAskAndRefusedOtherwise() {
        KeywordTable<List<String>> t = new KeywordTable<List<String>>("vrrp_instance")
                .keyword("virtual_ipaddress", (target, a) -> a.block("addresses")
                        .forEach(b -> target.add(b.keyword())))
                .keyword("priority", (target, a) -> target.add(a.next("p")));
        List<ConfigBlock> tree = new BlockLexer(diagnostics).parse("k.conf",
                "virtual_ipaddress {\n 10.0.0.1\n 10.0.0.2\n}\npriority 100 { x }\n", null);
        List<String> seen = new ArrayList<>();
        t.dispatchAll(seen, tree, diagnostics);
        assertThat(seen).containsExactly("10.0.0.1", "10.0.0.2", "100");
        assertThat(diagnostics.all()).extracting(Diagnostic::toString).containsExactly(
                "k.conf:5: priority: unexpected { } block: 'priority' takes none");
    }

    @Test
    void registeringTwiceOrAsBothKindsIsAProgrammingError() {
        assertThatThrownBy(() -> table.keyword("log", (t, a) -> {
        })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.keyword("log global", (t, a) -> {
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void optionsReadTheirOwnValues() {
        KeywordTable<Map<String, String>> options = new KeywordTable<Map<String, String>>(
                "server options")
                .keyword("check", (m, a) -> m.put("check", "yes"))
                .keyword("rise", (m, a) -> m.put("rise", "" + a.integer("a count", 1, 99)))
                .warnOnly("resolvers", "ignored")
                .unsupported("ssl", "plain HTTP only");
        Map<String, String> seen = new java.util.LinkedHashMap<>();
        Args args = new Args(line(9, "server w 1.2.3.4:80 check rise 3 resolvers"), 1,
                diagnostics);
        args.next("name");
        args.next("address");
        options.applyOptions(seen, args);
        assertThat(seen).containsExactly(Map.entry("check", "yes"), Map.entry("rise", "3"));
        assertThat(diagnostics.all()).extracting(Diagnostic::toString).containsExactly(
                "t.cfg:9: server: warning: option 'resolvers': ignored");
        Args bad = new Args(line(10, "server ssl"), 1, diagnostics);
        assertThatThrownBy(() -> options.applyOptions(seen, bad))
                .hasMessage("option 'ssl' is not supported by bramble; plain HTTP only");
        Args typo = new Args(line(11, "server rse 2"), 1, diagnostics);
        assertThatThrownBy(() -> options.applyOptions(seen, typo))
                .hasMessage("unknown option 'rse' in server options; did you mean 'rise'?");
    }
}
