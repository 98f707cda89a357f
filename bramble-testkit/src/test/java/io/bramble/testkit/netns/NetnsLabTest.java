package io.bramble.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.exec.Signals;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's own mechanics; bramble-it's lab test shows one host reaching another. */
class NetnsLabTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @TempDir
    Path logs;

    @BeforeEach
    void needsALab() {
        LabRequirements.assumeMet();
    }

    @Test
    void hostsHaveTheirAddressOnEth0AndNothingOfTheMachines() {
        try (NetnsLab lab = NetnsLab.builder().host("a").subnet("10.78.5.0/24").logDir(logs)
                .open()) {
            LabHost a = lab.host("a");
            assertThat(a.cidr()).isEqualTo("10.78.5.11/24");
            ExecResult links = a.exec("ip", "-o", "addr", "show").orThrow();
            assertThat(links.output()).contains("eth0", "inet 10.78.5.11/24", "lo");
            // Only lo and eth0 exist in a host: the machine's interfaces are elsewhere.
            ExecResult names = a.exec("ip", "-o", "link", "show").orThrow();
            assertThat(names.output().lines()).hasSize(2);
            a.addAddress("10.78.5.100/24");
            assertThat(a.exec("ip", "-o", "addr", "show", "dev", "eth0").output())
                    .contains("inet 10.78.5.100/24");
            a.removeAddress("10.78.5.100/24");
            assertThat(a.exec("ip", "-o", "addr", "show", "dev", "eth0").output())
                    .doesNotContain("10.78.5.100");
        }
    }

    @Test
    void closeEndsEveryProcessAndDeletesEveryNamespace() {
        NetnsLab lab = NetnsLab.builder().host("a").host("b").logDir(logs).open();
        List<String> namespaces = lab.namespaces();
        assertThat(namespaces).hasSize(3).allMatch(ns -> ns.startsWith("bramble-"));
        assertThat(Ip.namespaces()).containsAll(namespaces);
        ManagedProcess sleeper = lab.host("a").start("sh", "-c", "echo up; exec sleep 600");
        sleeper.awaitLine("up");
        assertThat(lab.host("a").pids()).contains(sleeper.pid());
        // A process the lab did not start itself, left running in the background.
        ExecResult stray = lab.host("b").exec("sh", "-c", "sleep 600 >/dev/null 2>&1 &"
                + " echo $!");
        long strayPid = Long.parseLong(stray.orThrow().output().strip());
        assertThat(lab.host("b").pids()).contains(strayPid);

        lab.close();

        assertThat(sleeper.isAlive()).isFalse();
        assertThat(Signals.hasEnded(strayPid)).isTrue();
        assertThat(Ip.namespaces()).doesNotContainAnyElementsOf(namespaces);
        assertThat(sleeper.log().text()).contains("up");
        lab.close(); // twice is harmless
    }

    @Test
    void execIsBoundedInTime() {
        try (NetnsLab lab = NetnsLab.builder().host("a").logDir(logs).open()) {
            ExecResult result = lab.host("a").exec(Duration.ofMillis(300), List.of("sleep",
                    "600"));
            assertThat(result.timedOut()).isTrue();
            await().atMost(GENEROUS).until(() -> lab.host("a").pids().isEmpty());
        }
    }

    @Test
    void removesLabsLeftByADeadJvm() {
        // A pid that is surely gone: a process that has ended and been reaped.
        long deadPid = startAndWait().pid();
        String leftover = new LabNames(deadPid, "dead").hostNamespace("a");
        Ip.check("netns", "add", leftover);
        try {
            NetnsLab.builder().host("a").logDir(logs).open().close();
            assertThat(Ip.namespaces()).doesNotContain(leftover);
        } finally {
            Ip.run("netns", "del", leftover);
        }
    }

    @Test
    void badHostNamesAreRefusedBeforeAnythingIsMade() {
        assertThatThrownBy(() -> NetnsLab.builder().host("a").host("a"))
                .hasMessageContaining("already in");
        assertThatThrownBy(() -> NetnsLab.builder().host("eth0-peer"))
                .hasMessageContaining("lowercase letters and digits");
    }

    private static Process startAndWait() {
        try {
            Process process = new ProcessBuilder("true").start();
            process.waitFor();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
