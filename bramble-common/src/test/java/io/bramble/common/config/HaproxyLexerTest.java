package io.bramble.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HaproxyLexerTest {
    private final Diagnostics diagnostics = new Diagnostics();
    private final HaproxyLexer lexer = new HaproxyLexer(Map.of("PORT", "8080", "U", "pi"),
            diagnostics);

    private List<String> words(String line) {
        List<ConfigLine> lines = lexer.lex("t.cfg", line);
        return lines.isEmpty() ? List.of() : lines.getFirst().words();
    }

    /** Each case: a line as written in the file, then its second word after lexing. */
    static Stream<Arguments> escapesAndQuotes() {
        return Stream.of(
                Arguments.of("k a\\ b", "a b"), Arguments.of("k a\\#b", "a#b"),
                Arguments.of("k a\\\\b", "a\\b"), Arguments.of("k a\\'b", "a'b"),
                Arguments.of("k a\\\"b", "a\"b"), Arguments.of("k a\\tb", "a\tb"),
                Arguments.of("k a\\nb", "a\nb"), Arguments.of("k a\\rb", "a\rb"),
                Arguments.of("k \\x41\\x7a", "Az"), Arguments.of("k \\xff", "\u00ff"),
                Arguments.of("k \\1", "\\1"), Arguments.of("k \\$X", "\\$X"),
                Arguments.of("k \"\\$X\"", "$X"), Arguments.of("k 'a\\tb'", "a\\tb"),
                Arguments.of("k \"a\\tb\"", "a\tb"), Arguments.of("k \"a b\"c", "a bc"),
                Arguments.of("k \"$PORT\"", "8080"), Arguments.of("k \"${PORT}0\"", "80800"),
                Arguments.of("k \"${NOPE-dflt}\"", "dflt"),
                Arguments.of("k \"${PORT-dflt}\"", "8080"), Arguments.of("k $PORT", "$PORT"),
                Arguments.of("k '${PORT}'", "${PORT}"), Arguments.of("k \"$\"", "$"),
                Arguments.of("k \"$1\"", "$1"), Arguments.of("k \"#x\"", "#x"),
                Arguments.of("k '#x'", "#x"), Arguments.of("k \"it's\"", "it's"));
    }

    @ParameterizedTest
    @MethodSource
    void escapesAndQuotes(String line, String second) {
        assertThat(words(line)).hasSize(2).element(1).isEqualTo(second);
        assertThat(diagnostics.all()).isEmpty();
    }

    @Test
    void emptyQuotesAreWordsAndCommentsEndLines() {
        assertThat(words("k \"\" '' x#comment")).containsExactly("k", "", "", "x");
        assertThat(words("   # only a comment")).isEmpty();
        assertThat(words("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"k \"open", "k 'open", "k \\x4", "k \\xg0", "k \"${PORT\"",
                    "k \"${}\""})
    void brokenLinesAreReportedAndLeftOut(String line) {
        List<ConfigLine> lines = lexer.lex("t.cfg", "first\n" + line + "\nthird");
        assertThat(lines).extracting(l -> l.where().line()).containsExactly(1, 3);
        assertThat(diagnostics.errors()).hasSize(1).first()
                .satisfies(d -> assertThat(d.toString()).startsWith("t.cfg:2: k: "));
    }

    @Test
    void unsetVariableWarnsAndExpandsToNothing() {
        assertThat(words("user \"$NOBODY\"")).containsExactly("user", "");
        assertThat(diagnostics.warnings()).extracting(Diagnostic::toString).containsExactly(
                "t.cfg:1: user: warning: environment variable NOBODY is not set; it expands "
                        + "to nothing");
    }

    @Test
    void linesAndWordsAreBounded() {
        String many = "k" + " w".repeat(HaproxyLexer.LINE_WORDS_MAX);
        assertThat(lexer.lex("t.cfg", many)).isEmpty();
        assertThat(lexer.lex("t.cfg", "k" + " w".repeat(HaproxyLexer.LINE_WORDS_MAX - 1)))
                .hasSize(1);
        assertThat(lexer.lex("t.cfg", "k " + "x".repeat(HaproxyLexer.LINE_CHARS_MAX)))
                .isEmpty();
        assertThat(diagnostics.errors()).extracting(Diagnostic::message).containsExactly(
                "line has 65 words, the limit is 64",
                "line is 65538 characters long, the limit is 65536");
    }
}
