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
    void aValidFileIsReportedValidWithItsWarningsCounted() throws Exception {
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
        assertThat(out.toString()).isEqualTo("Warnings were found (1 warning)."
                + System.lineSeparator() + "Configuration file is valid"
                + System.lineSeparator());
        assertThat(err.toString()).contains("haproxy.cfg:2: daemon: warning");
    }

    @Test
    void errorsNameTheLineAreCountedWithTheWarningsAndExit1AsInHaproxy() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.cfg"), """
                global
                    daemon
                listen webfarm 127.0.0.1:8080
                    balance fastest
                    tune.bufsize 4096
                """);
        assertThat(run("lb", "-c", "-f", file.toString())).isEqualTo(1);
        assertThat(err.toString().lines()).containsSubsequence(
                "bramble lb: " + file + ":2: daemon: warning: ignored: bramble stays in the "
                        + "foreground, as systemd wants; run it as a service to have it in "
                        + "the background",
                "Error(s) found in configuration file : " + file + " (2 errors, 1 warning)",
                "Fatal errors found in configuration.");
        assertThat(err.toString()).contains("broken.cfg:4: balance", "broken.cfg:5: tune");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void everyServerThatDoesNotResolveIsNamedNotOnlyTheFirst() throws Exception {
        Path file = Files.writeString(dir.resolve("dns.cfg"), """
                listen webfarm 127.0.0.1:8080
                    server web1 web1.no-such-name.invalid:80
                    server web2 web2.no-such-name.invalid:80
                """);
        assertThat(run("lb", "-c", "-f", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("dns.cfg:2: cannot resolve the address of server "
                + "web1", "dns.cfg:3: cannot resolve the address of server web2",
                "(2 errors, 0 warnings)");
    }

    @Test
    void aValidFileWithNothingToListenOnExits2AsInHaproxy() throws Exception {
        Path file = Files.writeString(dir.resolve("quiet.cfg"), """
                backend b
                    server web1 127.0.0.1:8081
                """);
        assertThat(run("lb", "-c", "-f", file.toString())).isEqualTo(2);
        assertThat(out.toString()).isEqualTo("Configuration file has no error but will not "
                + "start (no listener) => exit(2)." + System.lineSeparator());
    }

    @Test
    void aFileWithNoProxyAtAllIsValidAsInHaproxy() throws Exception {
        Path file = Files.writeString(dir.resolve("debian.cfg"), """
                global
                    maxconn 100
                defaults
                    timeout client 5s
                """);
        assertThat(run("lb", "-c", "-f", file.toString())).isZero();
        assertThat(out.toString()).isEqualTo("Configuration file is valid"
                + System.lineSeparator());
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
        assertThat(run("lb", "-c", "-f", file.toString())).isEqualTo(1);
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

    @Test
    void aReloadRefusedForErrorsShowsTheWarningsToo() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.cfg"), """
                global
                    daemon
                listen webfarm 127.0.0.1:8080
                    balance fastest
                """);
        assertThat(run("lb", "reload", "-f", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("broken.cfg:2: daemon: warning",
                "not reloading, the file has errors", "broken.cfg:4: balance");
    }
}
