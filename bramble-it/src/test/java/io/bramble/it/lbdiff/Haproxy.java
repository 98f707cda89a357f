package io.bramble.it.lbdiff;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.Programs;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.process.ProcessSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Debian's haproxy, run in the foreground on a configuration file. It needs no root. */
final class Haproxy {
    private Haproxy() {
    }

    static Path assumeInstalled() {
        Optional<Path> haproxy = Programs.find("haproxy");
        assumeTrue(haproxy.isPresent(), "needs haproxy (Debian package haproxy) to compare "
                + "bramble lb with");
        return haproxy.get();
    }

    /** The first line of {@code haproxy -v}, such as "HAProxy version 2.6.12-1+deb12u1 ...". */
    static String version(Path haproxy) {
        return Exec.run(Duration.ofSeconds(10), List.of(haproxy.toString(), "-v")).output()
                .lines().findFirst().orElse("unknown version");
    }

    /** Starts {@code haproxy -db -f config}; ready once {@code endpoint} accepts connections. */
    static ManagedProcess start(Path haproxy, Path config, HostPort endpoint, Path logFile) {
        ManagedProcess process = ManagedProcess.start(new ProcessSpec("haproxy",
                List.of(haproxy.toString(), "-db", "-f", config.toString()), Map.of(), logFile,
                Optional.of(endpoint)));
        process.awaitPort();
        return process;
    }
}
