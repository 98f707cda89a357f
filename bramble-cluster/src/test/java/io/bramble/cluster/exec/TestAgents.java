package io.bramble.cluster.exec;

import io.bramble.cluster.agent.AgentDirectories;
import io.bramble.common.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Agent scripts written for one test, under provider {@code test}, and a runner for them. */
public final class TestAgents {
    static final Path STOCK_OCF = Path.of("/usr/lib/ocf/resource.d");

    private TestAgents() {
    }

    /** Directories with the stock agents and {@code root/ocf/test/*}. */
    static AgentDirectories directories(Path root) {
        return new AgentDirectories(AgentDirectories.OCF_ROOT,
                List.of(STOCK_OCF, root.resolve("ocf")), root.resolve("init.d"),
                List.of(), List.of(root.resolve("fence")), false);
    }

    static LocalAgentRunner runner(Path root) {
        return new LocalAgentRunner(directories(root), "node1", root.resolve("rsctmp"),
                new ProcessShell(Clock.system(), root.resolve("scratch")),
                r -> LocalAgentRunner.notInstalled(r, "no fencing in this test"));
    }

    /** Whether the tests run as root (namespaces, mounts, units need it). */
    public static boolean isRoot() {
        try {
            return Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Writes an executable {@code root/ocf/test/NAME} with {@code body} after a shebang. */
    static void write(Path root, String name, String body) throws IOException {
        Path file = root.resolve("ocf/test").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
