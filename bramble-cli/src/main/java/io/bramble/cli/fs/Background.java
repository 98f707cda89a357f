package io.bramble.cli.fs;

import io.bramble.common.error.UserError;
import io.bramble.common.os.MountTable;
import io.bramble.fs.mount.MountRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the mount's client in the background (in a session of its own, so that the shell's
 * Ctrl-C or logout leaves it alone) and returns once the directory is mounted, as mount(8)
 * expects of a helper; on failure it prints the client's last log lines.
 */
final class Background {
    private Background() {
    }

    static int start(MountRequest request, Path dir, Path stateDir, Path logFile,
            String options) throws IOException, InterruptedException {
        Path log = logFile != null ? logFile : defaultLog(dir);
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(thisJvm());
        command.addAll(List.of("mount", "--foreground", "--state-dir", stateDir.toString(),
                "-o", options, request.source(), dir.toString()));
        Process client = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
        long deadline = System.currentTimeMillis() + MountCommand.MOUNT_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (MountTable.read().isMountPoint(dir)) {
                return 0;
            }
            if (!client.isAlive()) {
                throw new UserError(UserError.EXIT_RUNTIME, "mounting " + request.source()
                        + " on " + dir + " failed:\n" + tail(log));
            }
            Thread.sleep(50);
        }
        client.destroy();
        throw new UserError(UserError.EXIT_RUNTIME, "mounting " + request.source() + " on "
                + dir + " did not finish in " + MountCommand.MOUNT_WAIT_MS / 1000 + " s; see "
                + log);
    }

    /** The java command that runs this process, up to and including the main class. */
    private static List<String> thisJvm() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String argument : arguments()) {
            command.add(argument);
            if (argument.equals("io.bramble.cli.Main")) {
                return command;
            }
        }
        throw new UserError(UserError.EXIT_RUNTIME, "cannot find how this bramble was"
                + " started; run 'bramble mount --foreground ...' instead");
    }

    /**
     * This JVM's arguments, from {@code /proc/self/cmdline}: ProcessHandle reads only its
     * first page (4 KiB) and gives no arguments at all for a longer command line, which a
     * long class path makes.
     */
    private static List<String> arguments() {
        try {
            String line = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")),
                    StandardCharsets.UTF_8);
            List<String> words = List.of(line.split("\0"));
            return words.subList(Math.min(1, words.size()), words.size());
        } catch (IOException e) {
            return List.of(ProcessHandle.current().info().arguments().orElse(new String[0]));
        }
    }

    private static Path defaultLog(Path dir) {
        String name = dir.toString().equals("/")
                ? "root"
                : dir.toString().substring(1).replace('/', '-');
        Path folder = MountCommand.runningAsRoot()
                ? Path.of("/var/log/bramble")
                : Path.of(System.getProperty("java.io.tmpdir"));
        return folder.resolve((MountCommand.runningAsRoot() ? "" : "bramble-") + name + ".log");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 8),
                    lines.size()));
        } catch (IOException e) {
            return "  (no log in " + log + ")";
        }
    }
}
