package io.bramble.common.config;

import io.bramble.common.error.UserError;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * keepalived's {@code include GLOB}: the pattern is resolved against the including file's
 * directory, matching files are read in name order, nesting is bounded and a file that
 * includes itself (directly or not) is an error instead of a loop.
 */
final class Includes {
    /** Deepest chain of includes. */
    static final int DEPTH_MAX = 8;
    /** Most files read for one config, the root included. */
    static final int FILES_MAX = 256;

    /** Parses one file's text into statements. */
    interface FileParser {
        List<ConfigBlock> parse(String fileName, String text, Path directory);
    }

    private final Diagnostics diagnostics;
    private final FileParser parser;
    private final Deque<Path> reading = new ArrayDeque<>();
    private int filesRead;

    Includes(Diagnostics diagnostics, FileParser parser) {
        this.diagnostics = diagnostics;
        this.parser = parser;
    }

    List<ConfigBlock> root(Path path) {
        String text = ConfigFiles.read(path, BlockLexer.FILE_BYTES_MAX);
        return within(path, () -> parser.parse(path.toString(), text, path.getParent()));
    }

    List<ConfigBlock> rootText(String fileName, String text, Path directory) {
        filesRead++;
        return parser.parse(fileName, text, directory);
    }

    /** The statements an {@code include} line stands for. */
    List<ConfigBlock> expand(Location where, List<String> words, Path directory) {
        if (words.size() != 2) {
            diagnostics.error(where, "include",
                    "expected one file name or glob pattern, got " + (words.size() - 1)
                            + " words");
            return List.of();
        }
        if (reading.size() >= DEPTH_MAX) {
            diagnostics.error(where, "include",
                    "includes nest deeper than " + DEPTH_MAX + " files");
            return List.of();
        }
        List<Path> matches = glob(directory, words.get(1));
        if (matches.isEmpty()) {
            diagnostics.warning(where, "include", "no file matches '" + words.get(1) + "'");
        }
        List<ConfigBlock> out = new ArrayList<>();
        for (Path match : matches) {
            out.addAll(includeOne(where, match));
        }
        return out;
    }

    private List<ConfigBlock> includeOne(Location where, Path path) {
        if (filesRead >= FILES_MAX) {
            diagnostics.error(where, "include", "more than " + FILES_MAX + " files included");
            return List.of();
        }
        Path real = realPath(path);
        if (reading.contains(real)) {
            diagnostics.error(where, "include",
                    "'" + path + "' is already being read: includes form a cycle");
            return List.of();
        }
        try {
            String text = ConfigFiles.read(path, BlockLexer.FILE_BYTES_MAX);
            return within(path, () -> parser.parse(path.toString(), text, path.getParent()));
        } catch (UserError e) {
            diagnostics.error(where, "include", e.getMessage());
            return List.of();
        }
    }

    private interface Body {
        List<ConfigBlock> run();
    }

    private List<ConfigBlock> within(Path path, Body body) {
        filesRead++;
        reading.push(realPath(path));
        try {
            return body.run();
        } finally {
            reading.pop();
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** Files matching a glob whose every component may hold {@code * ? [ ] { }}. */
    static List<Path> glob(Path directory, String pattern) {
        Path relative = Path.of(pattern);
        Path start = relative.isAbsolute()
                ? relative.getRoot()
                : directory == null ? Path.of("") : directory;
        List<Path> current = List.of(start);
        for (Path component : relative) {
            List<Path> next = new ArrayList<>();
            for (Path base : current) {
                next.addAll(step(base, component.toString()));
            }
            current = next;
        }
        return current.stream().filter(Files::isRegularFile).sorted(Comparator
                .comparing(Path::toString)).toList();
    }

    private static List<Path> step(Path base, String component) {
        if (!hasGlob(component)) {
            Path next = base.resolve(component);
            return Files.exists(next) ? List.of(next) : List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + component);
        Path listed = base.toString().isEmpty() ? Path.of(".") : base;
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(listed)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                boolean hidden = name.toString().startsWith(".") && !component.startsWith(".");
                if (!hidden && matcher.matches(name)) {
                    out.add(base.resolve(name));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    private static boolean hasGlob(String component) {
        return component.chars().anyMatch(c -> "*?[]{}".indexOf(c) >= 0);
    }
}
