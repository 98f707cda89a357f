package io.bramble.cli.lb;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bramble lb -c -f FILE} through {@link Main#run}, as the command line reaches it. */
class LbCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aValidFileIsReportedValidWithItsWarnings() throws Exception {
        Path file = Files.writeString(dir.resolve("haproxy.cfg"), """
                global
                    daemon
                listen webfarm 127.0.0.1:8080
                    mode http
                    balance roundrobin
                    option httpchk HEAD /lb-check.txt HTTP/1.0
                    server web1 127.0.0.1:8081 check
                """);
        assertThat(run("lb", "-c", "-f", file.toString())).isZero();
        assertThat(out.toString()).isEqualTo("Configuration file is valid"
                + System.lineSeparator());
        assertThat(err.toString()).contains("haproxy.cfg:2: daemon: warning");
    }

    @Test
    void errorsNameTheLineAndExit2() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.cfg"), """
                listen webfarm 127.0.0.1:8080
                    balance fastest
                """);
        assertThat(run("lb", "-c", "-f", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("broken.cfg:2: balance");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownUserOrGroupIsAnErrorAtItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("users.cfg"), """
                global
                    user no-such-user-here
                    group no-such-group-here
                listen webfarm 127.0.0.1:8080
                    server web1 127.0.0.1:8081
                """);
        assertThat(run("lb", "-c", "-f", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("users.cfg:2: user: cannot find user "
                + "'no-such-user-here' in /etc/passwd",
                "users.cfg:3: group: cannot find group "
                        + "'no-such-group-here' in /etc/group");
    }

    @Test
    void aMissingFileOrOptionIsAUsageError() {
        assertThat(run("lb", "-c", "-f", dir.resolve("none.cfg").toString())).isEqualTo(2);
        assertThat(run("lb", "-c")).isEqualTo(2);
        assertThat(err.toString()).contains("-f");
    }
}
