package io.bramble.testkit.netns;

import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.exec.Programs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code ip} command of iproute2 (Debian package iproute2). */
final class Ip {
    /** Time one {@code ip} call may take; they take milliseconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Ip() {
    }

    /** The {@code ip} binary, when installed. */
    static Optional<Path> binary() {
        return Programs.find("ip");
    }

    /** Runs {@code ip ARGS}; the result may be a failure. */
    static ExecResult run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary().map(Path::toString).orElse("ip"));
        command.addAll(List.of(args));
        return Exec.run(TIMEOUT, command);
    }

    /** Runs {@code ip ARGS} and fails with its output unless it succeeds. */
    static String check(String... args) {
        return run(args).orThrow().output();
    }

    /** The names of all network namespaces, as {@code ip netns list} shows them. */
    static List<String> namespaces() {
        // Lines look like "name (id: 3)" or just "name".
        return check("netns", "list").lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).toList();
    }

    /** The pids of the processes inside {@code namespace}. */
    static List<Long> pids(String namespace) {
        ExecResult result = run("netns", "pids", namespace);
        if (!result.ok()) {
            return List.of();
        }
        return result.output().lines().map(String::strip).filter(l -> l.matches("\\d+"))
                .map(Long::parseLong).toList();
    }
}
