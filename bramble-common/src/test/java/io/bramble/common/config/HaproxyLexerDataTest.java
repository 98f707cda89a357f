package io.bramble.common.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code config/haproxy-lexer/*.cfg}: the words of each line, then the messages. */
class HaproxyLexerDataTest {
    static final Map<String, String> ENVIRONMENT = Map.of("LB_PORT", "8080", "STATS_USER",
            "pi", "EMPTY", "");

    @TestFactory
    Stream<DynamicTest> lexesAsExpected() {
        return ExpectedFiles.tests("haproxy-lexer", ".cfg", HaproxyLexerDataTest::run);
    }

    static String run(Path input) {
        Diagnostics diagnostics = new Diagnostics();
        StringBuilder out = new StringBuilder();
        for (ConfigLine line : new HaproxyLexer(ENVIRONMENT, diagnostics).lex(input)) {
            out.append(line.where().line()).append(':');
            out.append(line.words().stream().map(HaproxyLexerDataTest::shown)
                    .collect(Collectors.joining(" ", " ", "\n")));
        }
        out.append("----\n");
        return out + ExpectedFiles.messages(diagnostics, input.getParent());
    }

    /** A word in brackets, control characters made visible. */
    static String shown(String word) {
        StringBuilder out = new StringBuilder("[");
        for (char c : word.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("<%02x>", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(']').toString();
    }
}
