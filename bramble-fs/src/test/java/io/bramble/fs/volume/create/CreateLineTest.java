package io.bramble.fs.volume.create;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code volume create} lines from {@code volume/create-lines.txt} and what reading gives. */
class CreateLineTest {
    record Case(String line, String expected) {
        @Override
        public String toString() {
            return line.isEmpty() ? "(no words)" : line;
        }
    }

    static Stream<Case> cases() throws IOException {
        String text;
        try (InputStream in = CreateLineTest.class.getResourceAsStream(
                "/volume/create-lines.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        for (String block : text.split("\n\n")) {
            List<String> lines = block.lines().filter(l -> !l.startsWith("#")).toList();
            int bar = lines.indexOf("----");
            if (bar < 0) {
                continue;
            }
            cases.add(new Case(bar == 0 ? "" : lines.getFirst(), String.join("\n",
                    lines.subList(bar + 1, lines.size()))));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsAsGlusterDoes(Case c) {
        List<String> words = c.line().isEmpty()
                ? List.of()
                : Arrays.stream(c.line().split(" ")).map(w -> w.replace("\\s", " ")).toList();
        assertThat(shown(CreateLine.read(words))).isEqualTo(c.expected());
    }

    @Test
    void theDataFileHasEveryCase() throws IOException {
        assertThat(cases().count()).isGreaterThan(35);
    }

    private static String shown(CreateLine.Result result) {
        return switch (result) {
            case CreateLine.Refused r -> "refused" + (r.showUsage() ? " usage" : "") + ": "
                    + r.message();
            case CreateRequest r -> {
                StringBuilder out = new StringBuilder("request " + r.name() + (r.stripeCount() > 1
                        ? " stripe=" + r.stripeCount()
                        : "")
                        + (r.disperseCount() > 0
                                ? " disperse=" + r.disperseCount() + " redundancy="
                                        + r.redundancyCount()
                                : "")
                        + " replica=" + r.replicaCount() + " arbiter=" + r.arbiter()
                        + " transport="
                        + r.transport() + " force=" + r.force());
                r.questions().forEach(q -> out.append("\nasks ").append(q));
                r.bricks().forEach(b -> out.append("\nbrick ").append(b.shown()));
                yield out.toString();
            }
        };
    }
}
