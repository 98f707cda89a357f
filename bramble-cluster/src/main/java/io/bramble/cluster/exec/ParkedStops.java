package io.bramble.cluster.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The stop of every resource this node started, written out as a shell script of its own
 * ({@code ID.stop} in one folder), so that something that outlives {@code bramble node} can
 * stop them when the daemon dies ({@link Keeper}). A start that succeeded parks the same
 * command as a stop, with the same environment; a stop that succeeded takes it back.
 * {@link #none()} parks nothing.
 */
public final class ParkedStops {
    public static final String SUFFIX = ".stop";
    /** A stop that outlasts its operation's timeout is killed, as the executor would. */
    private static final long TIMEOUT_MIN_S = 1;

    private final Optional<Path> folder;

    private ParkedStops(Optional<Path> folder) {
        this.folder = folder;
    }

    public static ParkedStops in(Path folder) {
        return new ParkedStops(Optional.of(folder));
    }

    public static ParkedStops none() {
        return new ParkedStops(Optional.empty());
    }

    public Optional<Path> folder() {
        return folder;
    }

    /**
     * After {@code request} ended with OCF code {@code rc}: a start that succeeded parks its
     * stop ({@code command} with {@code start} turned into {@code stop}), a stop that
     * succeeded removes it.
     */
    void after(ActionRequest request, int rc, List<String> command, Map<String, String> env) {
        if (folder.isEmpty() || rc != OcfExitCode.SUCCESS.code()) {
            return;
        }
        Path file = folder.get().resolve(fileName(request.resourceId()));
        try {
            switch (request.action()) {
                case "start" -> write(file, script(request, command, env));
                case "stop" -> Files.deleteIfExists(file);
                default -> {
                    // monitors and the rest change nothing that runs
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot park the stop of " + request.resourceId()
                    + " in " + folder.get(), e);
        }
    }

    /** The script that stops the resource {@code request} started. */
    static String script(ActionRequest request, List<String> command, Map<String, String> env) {
        Map<String, String> stopEnv = new TreeMap<>(env);
        stopEnv.computeIfPresent("OCF_RESKEY_CRM_meta_name", (k, v) -> "stop");
        List<String> stop = command.stream().map(w -> w.equals("start") ? "stop" : w)
                .toList();
        long timeoutS = Math.max(TIMEOUT_MIN_S, Math.ceilDiv(request.timeoutMs(), 1_000L));
        return "#!/bin/sh\n# the stop of " + request.resourceId() + ", run if bramble node dies\n"
                + "exec env -i " + stopEnv.entrySet().stream().map(e -> quote(e.getKey() + "="
                        + e.getValue())).collect(Collectors.joining(" "))
                + " timeout -s KILL "
                + timeoutS + " " + stop.stream().map(ParkedStops::quote).collect(Collectors
                        .joining(" "))
                + "\n";
    }

    static String fileName(String resourceId) {
        return resourceId.replaceAll("[^A-Za-z0-9_.-]", "_") + SUFFIX;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + ".new");
        Files.writeString(temporary, text);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
