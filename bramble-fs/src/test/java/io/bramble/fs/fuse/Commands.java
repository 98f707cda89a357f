package io.bramble.fs.fuse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end (at most a minute) and returns its exit code and output. */
record Commands(int exitCode, String output) {
    static Commands run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in a minute");
        }
        return new Commands(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Runs a shell line; fails the caller when it exits non-zero. */
    static String sh(String line) throws IOException, InterruptedException {
        Commands result = run("sh", "-c", line);
        if (result.exitCode != 0) {
            throw new IOException("'" + line + "' exited " + result.exitCode + ": "
                    + result.output);
        }
        return result.output;
    }

    static boolean installed(String program) throws IOException, InterruptedException {
        return run("sh", "-c", "command -v " + program).exitCode == 0;
    }
}
