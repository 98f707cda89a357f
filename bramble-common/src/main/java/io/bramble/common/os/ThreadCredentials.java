package io.bramble.common.os;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks that every thread of this process runs with the ids of a {@link ProcessIdentity}.
 * Linux keeps credentials per thread; glibc's set*id calls change them in every thread, and
 * this is how to be sure they did: each {@code /proc/self/task/TID/status} (proc(5)) is read
 * and its {@code Uid:}, {@code Gid:} and {@code Groups:} lines compared.
 */
public final class ThreadCredentials {
    static final Path TASKS = Path.of("/proc/self/task");
    /** Threads looked at most; a JVM with more would be far outside what bramble starts. */
    static final int THREADS_MAX = 100_000;

    private ThreadCredentials() {
    }

    /**
     * What differs, one line per thread that does not run as {@code identity}; empty when all
     * do. A thread that ends while it is read is skipped.
     *
     * @throws IOException when {@code /proc/self/task} cannot be read
     */
    public static List<String> mismatches(ProcessIdentity identity) throws IOException {
        List<String> found = new ArrayList<>();
        int seen = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                if (++seen > THREADS_MAX) {
                    throw new IOException("more than " + THREADS_MAX + " threads in " + TASKS);
                }
                List<String> status;
                try {
                    status = Files.readAllLines(task.resolve("status"));
                } catch (NoSuchFileException e) {
                    continue;
                }
                mismatch(status, identity).ifPresent(m -> found.add("thread "
                        + task.getFileName() + " " + m));
            }
        }
        if (seen == 0) {
            throw new IOException(TASKS + " lists no thread");
        }
        return found;
    }

    /**
     * How the ids in the lines of one {@code status} file differ from {@code identity}: every
     * one of the real, effective, saved and file-system ids must match, and the supplementary
     * groups when the identity sets them.
     */
    static Optional<String> mismatch(List<String> status, ProcessIdentity identity) {
        String name = field(status, "Name:").orElse("?");
        List<String> wrong = new ArrayList<>();
        check(status, "Uid:", identity.uid(), wrong);
        check(status, "Gid:", identity.gid(), wrong);
        if (identity.gid().isPresent()) {
            List<String> want = identity.groups().stream().map(ProcessIdentity::text).sorted()
                    .toList();
            List<String> have = field(status, "Groups:").map(v -> v.isEmpty()
                    ? List.<String>of()
                    : Arrays.stream(v.split("\\s+")).sorted().toList()).orElse(null);
            if (!want.equals(have)) {
                wrong.add("Groups: " + (have == null ? "missing" : String.join(" ", have)));
            }
        }
        return wrong.isEmpty()
                ? Optional.empty()
                : Optional.of("(" + name + "): " + String.join(", ", wrong));
    }

    private static void check(List<String> status, String key, OptionalInt want,
            List<String> wrong) {
        if (want.isEmpty()) {
            return;
        }
        Optional<String> have = field(status, key);
        String id = ProcessIdentity.text(want.getAsInt());
        boolean all = have.map(v -> v.split("\\s+")).filter(ids -> ids.length == 4)
                .map(ids -> Arrays.stream(ids).allMatch(id::equals)).orElse(false);
        if (!all) {
            wrong.add(key + " " + have.orElse("missing"));
        }
    }

    private static Optional<String> field(List<String> status, String key) {
        return status.stream().filter(line -> line.startsWith(key))
                .map(line -> line.substring(key.length()).strip()).findFirst();
    }
}
