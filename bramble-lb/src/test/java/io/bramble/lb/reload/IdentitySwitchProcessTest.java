package io.bramble.lb.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.common.os.Accounts;
import io.bramble.common.os.ProcessIdentity;
import io.bramble.common.os.ProcessUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code user}/{@code group} for real: a child JVM started as root binds its listener, gives
 * up root for {@code nobody}, and reports the ids of all its threads and what still works.
 * Needs root, and a {@code nobody} account.
 */
class IdentitySwitchProcessTest {
    /** The child's whole run: start, switch, up to three reloads, stop. */
    private static final long CHILD_SECONDS_MAX = 120;

    @TempDir
    Path temp;

    @Test
    void aRootStartedBalancerRunsAsNobodyInEveryThreadAndStillServes() throws Exception {
        assumeTrue(ProcessUser.isRoot(), "not running as root: only root can switch user, so"
                + " this test of 'user nobody' is skipped");
        Accounts.User nobody = Accounts.system().user("nobody").orElse(null);
        assumeTrue(nobody != null, "no user 'nobody' in /etc/passwd here");
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String same = config(port, "    user nobody\n", "");
        Path file = write("lb.cfg", same);
        List<Path> reloads = new ArrayList<>(List.of(write("again.cfg", same),
                write("as-root.cfg", config(port, "", ""))));
        OptionalInt privileged = freePrivilegedPort();
        if (privileged.isPresent()) {
            reloads.add(write("low-port.cfg", config(port, "    user nobody\n",
                    "    bind 127.0.0.1:" + privileged.getAsInt() + "\n")));
        }
        List<String> lines = runChild(file, port, reloads);
        String id = ProcessIdentity.text(nobody.uid());
        String gid = ProcessIdentity.text(nobody.gid());
        assertThat(lines).as(String.join("\n", lines)).contains("switched=user 'nobody' (uid "
                + id + "), its group (gid " + gid + ")", "mismatches=0", "stats=200",
                "stats-after=200");
        List<String> threads = lines.stream().filter(l -> l.startsWith("thread=")).toList();
        assertThat(threads).as("the JVM's threads, the event loops among them")
                .hasSizeGreaterThan(5).allSatisfy(t -> assertThat(t).contains("Uid: " + id + " "
                        + id + " " + id + " " + id + ";",
                        "Gid: " + gid + " " + gid + " " + gid
                                + " " + gid + ";"));
        assertThat(line(lines, "reload-1=")).startsWith("reload-1=true ");
        assertThat(line(lines, "reload-2=")).startsWith("reload-2=false ")
                .contains("changes user/group", "already gave up root");
        if (privileged.isPresent()) {
            assertThat(line(lines, "reload-3=")).startsWith("reload-3=false ")
                    .contains("127.0.0.1:" + privileged.getAsInt(), "runs as user 'nobody'",
                            "cannot bind ports below 1024");
        }
    }

    private static String line(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(
                "missing " + prefix + " in:\n" + String.join("\n", lines));
    }

    private String config(int port, String global, String extraBind) {
        return "global\n" + global + "    pidfile " + temp.resolve("lb.pid") + "\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n"
                + "    timeout server 5s\n"
                + "listen stats\n    bind 127.0.0.1:" + port + "\n" + extraBind
                + "    stats enable\n    stats uri /stats\n";
    }

    private Path write(String name, String text) throws IOException {
        Path file = Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        return file;
    }

    /**
     * A port below 1024 nothing listens on, which only root may bind; empty, and that part of
     * the test left out, where the machine lets every user bind it.
     */
    private static OptionalInt freePrivilegedPort() throws IOException {
        // Not Files.readString: on this file, whose size shows as 0, it returns "1" of "1024".
        int unprivilegedStart = Integer.parseInt(Files.readAllLines(Path.of(
                "/proc/sys/net/ipv4/ip_unprivileged_port_start")).getFirst().strip());
        for (int port = 1000; port < Math.min(1024, unprivilegedStart); port++) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return OptionalInt.of(port);
            } catch (IOException e) {
                // in use: the next
            }
        }
        System.err.println("IdentitySwitchProcessTest: no port below 1024 is reserved to root "
                + "here (ip_unprivileged_port_start " + unprivilegedStart + "); the reload "
                + "that binds one is left out");
        return OptionalInt.empty();
    }

    private List<String> runChild(Path file, int port, List<Path> reloads) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"),
                "bin", "java").toString(), "-XX:-UsePerfData", "-Xmx128m",
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath(),
                IdentitySwitchChild.class.getName(), file.toString(), Integer.toString(port)));
        for (Path reload : reloads) {
            command.add(reload.toString());
        }
        Path log = temp.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!child.waitFor(CHILD_SECONDS_MAX, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child did not finish in " + CHILD_SECONDS_MAX + " s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(child.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    /**
     * The test class path as it is: its jars in the local Maven repository under /root are
     * not readable by {@code nobody}, so the child only works if the balancer opened them all
     * before giving up root.
     */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty(
                "java.class.path"));
    }
}
