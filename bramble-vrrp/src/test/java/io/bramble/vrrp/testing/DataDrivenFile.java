package io.bramble.vrrp.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A test written as data: each block is a command line, a {@code ----} line and the output the
 * command must give, ended by a blank line. Lines starting with {@code #} between blocks are
 * comments. Run with {@code -Dbramble.rewrite=true} to write the actual outputs back into the
 * source file instead of comparing.
 */
public final class DataDrivenFile {
    public static final String SEPARATOR = "----";

    private final Path path;
    private final List<Block> blocks;

    /** One command, the text before it (comments, blank lines) and its expected output. */
    public record Block(String leading, String command, int line, String expected) {}

    private DataDrivenFile(Path path, List<Block> blocks) {
        this.path = path;
        this.blocks = blocks;
    }

    public static DataDrivenFile read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path);
        List<Block> blocks = new ArrayList<>();
        StringBuilder leading = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                leading.append(line).append('\n');
                i++;
                continue;
            }
            int commandLine = i + 1;
            i++;
            if (i >= lines.size() || !lines.get(i).equals(SEPARATOR)) {
                throw new IllegalArgumentException(path + ":" + commandLine + ": expected '"
                        + SEPARATOR + "' after the command");
            }
            i++;
            StringBuilder expected = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isBlank()) {
                expected.append(lines.get(i)).append('\n');
                i++;
            }
            blocks.add(new Block(leading.toString(), line, commandLine, expected.toString()));
            leading.setLength(0);
        }
        return new DataDrivenFile(path, blocks);
    }

    /**
     * Runs every command through {@code run}, in order, and returns the whole file as it
     * reads with the actual outputs, to compare with {@link #expectedText()} or to rewrite.
     */
    public String runAll(Function<String, String> run) {
        StringBuilder actual = new StringBuilder();
        for (Block block : blocks) {
            String output = run.apply(block.command()).strip();
            append(actual, block, output.isEmpty() ? "ok" : output);
        }
        return actual.toString();
    }

    /** The file as written, normalised the same way as {@link #runAll}. */
    public String expectedText() {
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            append(text, block, block.expected().strip());
        }
        return text.toString();
    }

    /** Replaces the file with the given text (the output of {@link #runAll}). */
    public void rewrite(String actual) throws IOException {
        Files.writeString(path, actual);
    }

    private static void append(StringBuilder text, Block block, String output) {
        text.append(block.leading()).append(block.command()).append('\n').append(SEPARATOR)
                .append('\n').append(output).append('\n');
    }

    public List<Block> blocks() {
        return blocks;
    }

    public Path path() {
        return path;
    }

    public static boolean rewriting() {
        return Boolean.getBoolean("bramble.rewrite");
    }
}
