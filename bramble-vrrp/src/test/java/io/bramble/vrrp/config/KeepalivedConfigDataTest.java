package io.bramble.vrrp.config;

import io.bramble.common.config.ConfigException;
import io.bramble.common.config.Diagnostic;
import io.bramble.vrrp.testing.ExpectedOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code src/test/resources/io/bramble/vrrp/config/*.conf}: the model each file reads as, or
 * the messages it must give, in {@code NAME.conf.expected}.
 */
class KeepalivedConfigDataTest {
    static final Path FOLDER = Path.of("src/test/resources/io/bramble/vrrp/config");

    @TestFactory
    Stream<DynamicTest> configsReadAsExpected() {
        return ExpectedOutput.tests(FOLDER, ".conf", KeepalivedConfigDataTest::run);
    }

    static String run(Path input) {
        String folder = input.getParent().toString() + "/";
        try {
            VrrpConfig config = new KeepalivedConfigParser().parse(input);
            return ConfigDump.dump(config) + "----\n" + messages(config.warnings(), folder);
        } catch (ConfigException e) {
            return "----\n" + messages(e.diagnostics(), folder);
        }
    }

    private static String messages(List<Diagnostic> diagnostics, String folder) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic diagnostic : diagnostics) {
            out.append(diagnostic.toString().replace(folder, "")).append('\n');
        }
        return out.toString();
    }
}
