package io.bramble.it.lb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.exec.Programs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The runtime API as an operator uses it: {@code echo CMD | socat stdio SOCKET}. */
final class Socat {
    private Socat() {
    }

    static void assumeInstalled() {
        assumeTrue(Programs.find("socat").isPresent(),
                "needs socat (Debian package socat) to talk to the stats socket");
    }

    /** Sends one command line and returns the answer; fails when socat fails. */
    static String send(Path socket, String command) {
        ExecResult result = Exec.run(Duration.ofSeconds(30), List.of("bash", "-c",
                "printf '%s\\n' \"$1\" | socat stdio \"UNIX-CONNECT:$2\"", "socat", command,
                socket.toString()));
        if (!result.ok()) {
            throw new AssertionError("socat failed: " + result.describe());
        }
        return result.output();
    }
}
