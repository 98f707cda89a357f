package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Tests as data: each {@code config/haproxy/NAME.cfg} has a {@code NAME.cfg.expected} next to
 * it with the exact messages and, when the file is valid, the model it gives. Run with
 * {@code -Dbramble.rewrite=true} to regenerate the expected files, then review the diff.
 */
class HaproxyConfigParserDataTest {
    static final Path DIR = Path.of("src/test/resources/config/haproxy");
    /** The size of Debian's /etc/haproxy/errors/503.http (2.6.12). */
    static final long ERROR_PAGE_BYTES = 213;

    /**
     * The error pages under /etc/haproxy/errors are present, as Debian's and Oracle Linux's
     * packages install them, and other files under /etc absent, so the output does not depend
     * on what is installed on the machine running the tests; other files are read for real.
     */
    static final HaproxyConfigParser.FileProbe FILES = path -> {
        if (path.startsWith("/etc/haproxy/errors")) {
            return OptionalLong.of(ERROR_PAGE_BYTES);
        }
        if (path.startsWith("/etc")) {
            return OptionalLong.empty();
        }
        try {
            return Files.isReadable(path)
                    ? OptionalLong.of(Files.size(path))
                    : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    };

    @TestFactory
    Stream<DynamicTest> parsesAsExpected() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(DIR)) {
            inputs = files.filter(p -> p.toString().endsWith(".cfg")).sorted().toList();
        }
        assertThat(inputs).isNotEmpty();
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName()
                .toString(), () -> check(input, run(input))));
    }

    static String run(Path input) {
        HaproxyConfigParser parser = new HaproxyConfigParser(Map.of("LB_PORT", "8080"), false,
                FILES, () -> TestAccounts.FIXED);
        try {
            LbConfig config = parser.parse(input);
            return cut(String.join("\n", config.warnings())) + "\n----\n" + print(config);
        } catch (ConfigException e) {
            StringBuilder out = new StringBuilder();
            e.diagnostics().forEach(d -> out.append(cut(d.toString())).append('\n'));
            return out + "----\nexit " + e.exitCode() + ":\n" + cut(e.getMessage()) + "\n";
        }
    }

    private static String cut(String text) {
        return text.replace(DIR + "/", "");
    }

    static void check(Path input, String actual) throws IOException {
        Path expectedFile = input.resolveSibling(input.getFileName() + ".expected");
        if (Boolean.getBoolean("bramble.rewrite")) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(expectedFile).as("create it with -Dbramble.rewrite=true").exists();
        assertThat(actual).as("output of " + input).isEqualTo(Files.readString(expectedFile));
    }

    /** The model, one record component per line, lists one element per line. */
    static String print(LbConfig config) {
        StringBuilder out = new StringBuilder();
        out.append("global\n");
        components(config.global(), "  ", out);
        for (ProxyConfig proxy : config.proxies()) {
            out.append(proxy.kind().keyword()).append(' ').append(proxy.name()).append('\n');
            components(proxy, "  ", out);
        }
        return cut(out.toString());
    }

    private static void components(Record record, String indent, StringBuilder out) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new UncheckedIOException(new IOException(e));
            }
            out.append(indent).append(component.getName()).append(':');
            if (value instanceof Collection<?> list && !list.isEmpty()) {
                out.append('\n');
                list.forEach(item -> out.append(indent).append("  - ").append(item)
                        .append('\n'));
            } else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                out.append('\n');
                map.entrySet().stream().sorted((a, b) -> a.getKey().toString().compareTo(b
                        .getKey().toString())).forEach(e -> out.append(indent).append("  ")
                                .append(e.getKey()).append(": ").append(e.getValue())
                                .append('\n'));
            } else {
                out.append(' ').append(value).append('\n');
            }
        }
    }
}
