package io.bramble.lb.reload;

import io.bramble.common.os.ProcessIdentity;
import io.bramble.common.os.ThreadCredentials;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The process {@link IdentitySwitchProcessTest} starts as root: runs {@code bramble lb} on the
 * file given, switches to the file's user, then reports one {@code key=value} line per fact
 * on standard output: the ids of every thread, an answer through the listener bound before
 * the switch, and two reloads (the same file; the files named next, which must be refused).
 */
public final class IdentitySwitchChild {
    private IdentitySwitchChild() {
    }

    /** {@code FILE PORT [OTHER_FILE...]}: other files are reloaded in turn, then FILE again. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        LbService service = LbService.start(file, HaproxyConfigParser.forThisProcess(),
                Clock.system(), new SplittableRandom(), "test", false);
        try {
            Optional<ProcessIdentity> identity = service.switchIdentity();
            System.out.println("switched=" + identity.map(ProcessIdentity::description)
                    .orElse("no"));
            printThreads();
            System.out.println("mismatches=" + ThreadCredentials.mismatches(identity
                    .orElseThrow()).size());
            System.out.println("stats=" + statusOf(port));
            for (int i = 2; i < args.length; i++) {
                Path next = Path.of(args[i]);
                // Rewritten in place: the folder is root's, the file open to all.
                Files.write(file, Files.readAllBytes(next));
                report("reload-" + (i - 1), service.reload());
            }
            System.out.println("stats-after=" + statusOf(port));
        } finally {
            service.close();
        }
        System.out.flush();
    }

    private static void report(String key,
            io.bramble.lb.runtime.RuntimeTarget.ReloadOutcome outcome) {
        System.out.println(key + "=" + outcome.applied() + " " + outcome.message()
                .replace('\n', ' '));
    }

    private static void printThreads() throws Exception {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of(
                "/proc/self/task"))) {
            for (Path task : tasks) {
                List<String> status = Files.readAllLines(task.resolve("status"));
                StringBuilder line = new StringBuilder("thread=");
                for (String field : status) {
                    if (field.startsWith("Name:") || field.startsWith("Uid:")
                            || field.startsWith("Gid:") || field.startsWith("Groups:")) {
                        line.append(field.replaceAll("\\s+", " ").strip()).append(';');
                    }
                }
                System.out.println(line);
            }
        }
    }

    private static String statusOf(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /stats;csv HTTP/1.1\r\nHost: lb\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return head.length() == 12 ? head.substring(9, 12) : "none";
        }
    }
}
