package io.bramble.cluster.simulate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Pacemaker's {@code crm_mon --one-shot --inactive} offline on a CIB file. */
final class CrmMon {
    static final Path BINARY = findBinary();
    private static final long TIMEOUT_SECONDS = 30;

    private CrmMon() {
    }

    static boolean available() {
        return BINARY != null;
    }

    private static Path findBinary() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin";
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "crm_mon");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** What crm_mon prints for {@code cib}, read through CIB_file, its times in UTC. */
    static String output(Path cib) throws IOException, InterruptedException {
        return output(cib, false);
    }

    /**
     * With {@code full}, what it prints with the options {@code pcs status --full} gives it:
     * {@code --show-detail --show-node-attributes --failcounts --fence-history=3}.
     */
    static String output(Path cib, boolean full) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--one-shot",
                "--inactive"));
        if (full) {
            command.addAll(List.of("--show-detail", "--show-node-attributes", "--failcounts",
                    "--fence-history=3"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CIB_file", cib.toAbsolutePath().toString());
        builder.environment().put("TZ", "UTC");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("crm_mon took longer than " + TIMEOUT_SECONDS + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("crm_mon exited " + process.exitValue() + ":\n" + text);
        }
        return text;
    }
}
