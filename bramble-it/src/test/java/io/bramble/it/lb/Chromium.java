package io.bramble.it.lb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, run once per page: the DOM after load, or a screenshot. */
final class Chromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long RUN_SECONDS_MAX = 120;

    private Chromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** The DOM as Chromium built it after loading {@code url}. */
    static String dumpDom(String url, Path profile) throws IOException, InterruptedException {
        return run(profile, "--dump-dom", url);
    }

    /** Renders {@code url} into a PNG at {@code target}. */
    static void screenshot(String url, Path profile, Path target)
            throws IOException, InterruptedException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        run(profile, "--screenshot=" + target.toAbsolutePath(), "--window-size=1400,900", url);
        if (!Files.isRegularFile(target)) {
            throw new AssertionError("chromium wrote no screenshot to " + target);
        }
    }

    private static String run(Path profile, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(profile.getParent(), "chromium", ".log");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(RUN_SECONDS_MAX, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in " + RUN_SECONDS_MAX + " s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + process.exitValue() + ": "
                    + Files.readString(stderr));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
