package io.bramble.common.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code config/table/*.cfg}: every message of a {@link SampleSection} load, then what was
 * read, so a file with three mistakes shows three {@code FILE:LINE} errors from one run.
 */
class KeywordTableDataTest {
    @TestFactory
    Stream<DynamicTest> reportsAsExpected() {
        return ExpectedFiles.tests("table", ".cfg", KeywordTableDataTest::run);
    }

    static String run(Path input) {
        Diagnostics diagnostics = new Diagnostics();
        SampleSection section = new SampleSection();
        for (ConfigLine line : new HaproxyLexer(Map.of(), diagnostics).lex(input)) {
            SampleSection.TABLE.dispatch(section, line, diagnostics);
        }
        String messages = ExpectedFiles.messages(diagnostics, input.getParent());
        String thrown = "";
        try {
            diagnostics.throwIfErrors();
        } catch (ConfigException e) {
            thrown = "exit " + e.exitCode() + ":\n" + e.getMessage().replace(
                    input.getParent() + "/", "") + "\n";
        }
        return messages + "----\n" + thrown + "----\n" + section;
    }
}
