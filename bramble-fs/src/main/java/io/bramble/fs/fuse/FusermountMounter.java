package io.bramble.fs.fuse;

import io.bramble.common.os.LinuxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Mounting without root: fusermount3 (set-uid root, from the fuse3 package) opens
 * /dev/fuse, mounts, and sends the descriptor back over the socket named by
 * {@code _FUSE_COMMFD}. Unmounting runs {@code fusermount3 -u}, then {@code -u -z}.
 */
final class FusermountMounter implements Mounter {
    static final String PROGRAM = "fusermount3";
    /** fusermount3 finishes in milliseconds; a minute means it hangs. */
    static final long UNMOUNT_TIMEOUT_MS = 60_000;

    @Override
    public int mount(Path mountPoint, String source, FuseOptions options) throws IOException {
        String mountOptions = MountOptions.fusermount(source, options.allowOther());
        int[] pair = Libc.socketpair();
        Path stderr = Files.createTempFile("bramble-fusermount", ".err");
        try {
            // Any number past stderr will do; it must differ from the descriptor's own.
            int childFd = pair[1] == 3 ? 4 : 3;
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.put("_FUSE_COMMFD", Integer.toString(childFd));
            int pid = PosixSpawn.spawn(List.of(PROGRAM, "-o", mountOptions, "--",
                    mountPoint.toString()), environment, pair[1], childFd, stderr);
            Libc.close(pair[1]);
            pair[1] = -1;
            int fd;
            try {
                fd = DescriptorPassing.receive(pair[0]);
            } catch (LinuxException e) {
                int status = Libc.waitpid(pid);
                throw new IOException(PROGRAM + " did not mount " + mountPoint + " ("
                        + describe(status) + "): " + read(stderr));
            }
            Libc.waitpid(pid);
            return fd;
        } finally {
            Libc.close(pair[0]);
            if (pair[1] >= 0) {
                Libc.close(pair[1]);
            }
            Files.deleteIfExists(stderr);
        }
    }

    @Override
    public void unmount(Path mountPoint) throws IOException {
        String clean = run(List.of(PROGRAM, "-u", "--", mountPoint.toString()));
        if (clean == null) {
            return;
        }
        String lazy = run(List.of(PROGRAM, "-u", "-z", "--", mountPoint.toString()));
        if (lazy != null && !lazy.contains("not found") && !lazy.contains("not mounted")) {
            throw new IOException(PROGRAM + " could not unmount " + mountPoint + ": " + lazy);
        }
    }

    /** Runs a command; null when it succeeded, else what it printed. */
    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).strip();
            if (!process.waitFor(UNMOUNT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            return process.exitValue() == 0 ? null : output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
    }

    private static String describe(int waitStatus) {
        int signal = waitStatus & 0x7f;
        return signal == 0 ? "exit " + ((waitStatus >>> 8) & 0xff) : "signal " + signal;
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "it printed nothing" : text;
        } catch (IOException e) {
            return "its messages are lost: " + e.getMessage();
        }
    }
}
