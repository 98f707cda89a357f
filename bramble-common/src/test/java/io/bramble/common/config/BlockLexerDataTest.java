package io.bramble.common.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code config/block/*.conf}: the statement tree, indented, then the messages. */
class BlockLexerDataTest {
    @TestFactory
    Stream<DynamicTest> buildsTreesAsExpected() {
        return ExpectedFiles.tests("block", ".conf", BlockLexerDataTest::run);
    }

    static String run(Path input) {
        Diagnostics diagnostics = new Diagnostics();
        List<ConfigBlock> tree = new BlockLexer(diagnostics).parse(input);
        StringBuilder out = new StringBuilder();
        print(tree, "", input.getParent(), out);
        out.append("----\n");
        return out + ExpectedFiles.messages(diagnostics, input.getParent());
    }

    private static void print(List<ConfigBlock> blocks, String indent, Path dir,
            StringBuilder out) {
        for (ConfigBlock block : blocks) {
            out.append(block.where().toString().replace(dir + "/", "")).append(' ')
                    .append(indent).append(block.words().stream().map(w -> "[" + w + "]")
                            .collect(Collectors.joining(" ")));
            out.append(block.hasBlock() ? " {\n" : "\n");
            print(block.children(), indent + "  ", dir, out);
            if (block.hasBlock()) {
                out.append(" ".repeat(block.where().toString().replace(dir + "/", "")
                        .length() + 1)).append(indent).append("}\n");
            }
        }
    }
}
