package io.bramble.cluster.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Pacemaker's scheduler, {@code crm_simulate}, on a CIB and reads what it decided. */
public final class CrmSimulate {
    static final Path BINARY = findBinary();
    private static final long TIMEOUT_SECONDS = 30;
    private static final Pattern SUMMARY = Pattern.compile(
            "^\\s+\\* (\\w+)\\s+(\\S+)\\s+\\(\\s*(.*?)\\s*\\)(.*)$");
    private static final Pattern RESOURCE = Pattern.compile(
            "^\\s+\\* (\\S+)\\t\\([^)]*\\):\\t (\\w+)(?: (\\S+))?.*$");

    private static final Pattern CHANGE = Pattern.compile("(\\w+) (\\S+) \\((.*)\\)");

    /** The placement after the transition and the summary lines (change only, no reason). */
    record Result(Map<String, Optional<String>> placement, Set<String> changes, String output) {}

    private CrmSimulate() {
    }

    public static boolean available() {
        return BINARY != null;
    }

    private static Path findBinary() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin";
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "crm_simulate");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The full text crm_simulate prints for {@code cib} simulated at {@code nowEpochSeconds}. */
    public static String output(Path dir, String cib, long nowEpochSeconds)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "cib", ".xml");
        Files.writeString(file, cib);
        Process process = new ProcessBuilder(BINARY.toString(), "-x", file.toString(), "-S",
                "-t", Instant.ofEpochSecond(nowEpochSeconds).toString())
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("crm_simulate took longer than " + TIMEOUT_SECONDS + " s");
        }
        Files.delete(file);
        String text = new String(out, StandardCharsets.UTF_8);
        // An order loop makes the simulated run of the transition stop early (exit 1, "An
        // invalid transition was produced"); the summary before it is still the decision.
        if (process.exitValue() != 0 && !text.contains("Transition Summary:")) {
            throw new IOException("crm_simulate exited " + process.exitValue() + ":\n" + text);
        }
        return text;
    }

    static Result run(Path dir, String cib, long nowEpochSeconds)
            throws IOException, InterruptedException {
        String text = output(dir, cib, nowEpochSeconds);
        Set<String> changes = changes(section(text, "Transition Summary:"));
        Map<String, Optional<String>> placement = placement(section(text,
                "Current cluster status:"));
        for (String change : changes) {
            Matcher m = CHANGE.matcher(change);
            if (!m.matches()) {
                throw new IOException("unexpected summary line: " + change);
            }
            String where = m.group(3);
            Optional<String> to = switch (m.group(1)) {
                case "Stop" -> Optional.empty();
                case "Move", "Recover", "Migrate" -> where.contains(" -> ")
                        ? Optional.of(where.substring(where.indexOf(" -> ") + 4))
                        : Optional.of(where);
                default -> Optional.of(where);
            };
            placement.put(m.group(2), to);
        }
        return new Result(placement, changes, text);
    }

    /** The heading's lines up to the next unindented line, trailing blank lines dropped. */
    public static List<String> section(String text, String heading) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : text.split("\n", -1)) {
            if (line.equals(heading)) {
                in = true;
            } else if (in && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                break;
            } else if (in) {
                lines.add(line);
            }
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    private static Map<String, Optional<String>> placement(List<String> lines) {
        Map<String, Optional<String>> placement = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = RESOURCE.matcher(line);
            if (m.matches()) {
                placement.put(m.group(1), m.group(2).equals("Started")
                        ? Optional.of(m.group(3))
                        : Optional.empty());
            }
        }
        return placement;
    }

    private static Set<String> changes(List<String> lines) {
        Set<String> changes = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher m = SUMMARY.matcher(line);
            if (m.matches() && !m.group(4).contains("(blocked)")) {
                changes.add(m.group(1) + " " + m.group(2) + " (" + m.group(3) + ")");
            }
        }
        return changes;
    }
}
