package io.bramble.it.lb;

import static org.awaitility.Awaitility.await;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Signals;
import io.bramble.testkit.launch.BrambleLauncher;
import io.bramble.testkit.net.PortProbe;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nohup bramble lb -f haproxy.cfg &} starts bramble with SIGHUP ignored, as a user
 * detaching it from a terminal does; SIGHUP must still reload the configuration.
 */
class NohupReloadTest {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster(underNohup());

    @TempDir
    Path dir;

    @Test
    void sighupReloadsUnderNohup() throws Exception {
        HostPort first = cluster.endpoint("lb");
        HostPort second = new HostPort(first.host(), cluster.freePort("lb"));
        Path config = dir.resolve("haproxy.cfg");
        LbProcesses.write(config, listen("one", first));
        ManagedProcess balancer = cluster.start("lb", "lb", "-f", config.toString());
        // Printed once the signal handlers are in place, after the listeners.
        balancer.awaitLine("^bramble lb: listening");
        LbProcesses.write(config, listen("one", first) + listen("two", second));
        Signals.send(balancer.pid(), "HUP");
        await().atMost(Duration.ofSeconds(30)).until(() -> PortProbe.accepts(second));
    }

    private static String listen(String name, HostPort bind) {
        return """
                listen %s
                    mode http
                    bind %s
                    server none 127.0.0.1:9
                """.formatted(name, bind);
    }

    /** The test kit's own command, run through {@code nohup} by a small script. */
    private static BrambleLauncher underNohup() {
        List<String> command = BrambleLauncher.fromSystemProperties().command(List.of());
        try {
            Path script = Files.createTempFile("bramble-nohup", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                            "rwx------")));
            script.toFile().deleteOnExit();
            Files.writeString(script, "#!/bin/sh\nexec nohup " + command.stream()
                    .map(word -> "'" + word.replace("'", "'\\''") + "'")
                    .collect(Collectors.joining(" ")) + " \"$@\"\n");
            return new BrambleLauncher(script.toString(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
