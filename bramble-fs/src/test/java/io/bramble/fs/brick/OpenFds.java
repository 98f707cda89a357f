package io.bramble.fs.brick;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** This process's open descriptors, read from procfs. */
final class OpenFds {
    private OpenFds() {
    }

    /** The open flags of the one descriptor open on {@code file}. */
    static int flagsOf(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).equals(real)) {
                        return flags(Files.readAllLines(Path.of("/proc/self/fdinfo").resolve(fd
                                .getFileName())));
                    }
                } catch (IOException gone) {
                    // closed while listed
                }
            }
        }
        throw new AssertionError("no descriptor open on " + file);
    }

    private static int flags(List<String> fdinfo) {
        return fdinfo.stream().filter(line -> line.startsWith("flags:"))
                .mapToInt(line -> Integer.parseInt(line.substring(6).trim(), 8))
                .findFirst().orElseThrow();
    }
}
