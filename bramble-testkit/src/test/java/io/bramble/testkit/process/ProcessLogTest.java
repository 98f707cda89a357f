package io.bramble.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLogTest {
    @TempDir
    Path dir;

    @Test
    void findsOnlyCompleteLines() throws IOException {
        Path file = dir.resolve("a.log");
        ProcessLog log = new ProcessLog(file);
        assertThat(log.findLine(Pattern.compile("ready"))).isEmpty();
        Files.writeString(file, "starting\nready on 127.0.0.10:80");
        assertThat(log.findLine(Pattern.compile("ready"))).isEmpty();
        Files.writeString(file, "starting\nready on 127.0.0.10:80\n");
        assertThat(log.findLine(Pattern.compile("ready on \\S+"))).contains(
                "ready on 127.0.0.10:80");
    }

    @Test
    void tailsTheLastLines() throws IOException {
        Path file = dir.resolve("b.log");
        Files.writeString(file, "one\ntwo\nthree\n");
        ProcessLog log = new ProcessLog(file);
        assertThat(log.tail(2)).containsExactly("two", "three");
        assertThat(log.tail(10)).containsExactly("one", "two", "three");
        assertThat(log.tailText(1)).endsWith(":\nthree");
    }

    @Test
    void tailReadsOnlyTheEndOfALargeLog() throws IOException {
        Path file = dir.resolve("c.log");
        String text = IntStream.range(0, 20_000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n"));
        Files.writeString(file, text);
        ProcessLog log = new ProcessLog(file);
        assertThat(log.tail(3)).containsExactly("line 19997", "line 19998", "line 19999");
        // Everything returned is whole lines from within the last TAIL_BYTES_MAX bytes.
        assertThat(log.tail(1_000_000)).allMatch(line -> line.matches("line \\d+"))
                .hasSizeLessThan(ProcessLog.TAIL_BYTES_MAX / 5);
    }

    @Test
    void aMissingLogIsEmpty() {
        ProcessLog log = new ProcessLog(dir.resolve("none.log"));
        assertThat(log.tail(5)).isEmpty();
        assertThat(log.text()).isEmpty();
        assertThat(log.tailText(5)).endsWith("is empty");
    }
}
