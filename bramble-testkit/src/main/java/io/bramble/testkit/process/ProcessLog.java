package io.bramble.testkit.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The file a process writes its stdout and stderr to. The OS writes it directly, so the log is
 * complete even when the test JVM dies; reads are bounded so a chatty process cannot exhaust
 * the test's memory.
 *
 * @param file where the output goes
 */
public record ProcessLog(Path file) {
    /** Bytes read when searching the log for a line; later output is not searched. */
    public static final int SEARCH_BYTES_MAX = 4 << 20;
    /** Bytes read from the end of the log for a tail. */
    public static final int TAIL_BYTES_MAX = 64 << 10;

    /** The log's text from the start, at most {@link #SEARCH_BYTES_MAX} bytes. */
    public String text() {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(SEARCH_BYTES_MAX), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The first complete line in which {@code pattern} is found. */
    public Optional<String> findLine(Pattern pattern) {
        String text = text();
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return Optional.empty();
        }
        return text.substring(0, end).lines().filter(line -> pattern.matcher(line).find())
                .findFirst();
    }

    /** The last {@code count} lines, read from at most the last {@link #TAIL_BYTES_MAX} bytes. */
    public List<String> tail(int count) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - TAIL_BYTES_MAX);
            byte[] bytes = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> lines = Arrays.asList(
                    new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
            if (!lines.isEmpty() && lines.getLast().isEmpty()) {
                lines = lines.subList(0, lines.size() - 1);
            }
            if (start > 0 && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size()); // the first line was cut
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return List.of();
            }
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The tail as one block of text with a heading that names the file. */
    public String tailText(int count) {
        List<String> lines = tail(count);
        String heading = "last " + lines.size() + " lines of " + file.toAbsolutePath() + ":";
        return lines.isEmpty()
                ? file.toAbsolutePath() + " is empty"
                : heading + "\n" + String.join("\n", lines);
    }
}
