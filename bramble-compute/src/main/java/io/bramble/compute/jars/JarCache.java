package io.bramble.compute.jars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A node's copy of Spark's jars, laid out as a Spark home ({@code HOME/jars/*.jar}), which is
 * what Spark's worker needs to launch executors. A jar is written under a temporary name and
 * renamed once checked, so a jar in {@code jars/} is always whole. Once every jar is there,
 * the manifest {@value #MANIFEST} lists each one's SHA-1: what other members check their
 * copies against.
 */
public final class JarCache {
    public static final String MANIFEST = "jars.sha1";
    /**
     * Jars copied at once: a copy from a member is a round trip per chunk, so a few at once
     * keep the link busy.
     */
    static final int COPIES_AT_ONCE = 4;
    /** How long a failed filling waits for its other copies to notice the interrupt. */
    static final long COPIERS_END_MS = 10_000;

    private final Path home;
    private final SparkRelease release;

    /** The cache of {@code release} in node folder {@code computeDir}. */
    public JarCache(Path computeDir, SparkRelease release) {
        this.home = computeDir.resolve(release.homeName());
        this.release = release;
    }

    public SparkRelease release() {
        return release;
    }

    /** The Spark home: {@code SPARK_HOME} for every Spark process of this node. */
    public Path home() {
        return home;
    }

    public Path jars() {
        return home.resolve("jars");
    }

    /** Whether every jar is here and checked (the manifest is written last). */
    public boolean complete() {
        return Files.isRegularFile(home.resolve(MANIFEST)) && missing().isEmpty();
    }

    /** The jars not here yet, as repository paths. */
    public List<String> missing() {
        return release.jars().stream()
                .filter(jar -> !Files.isRegularFile(jars().resolve(SparkRelease.fileName(jar))))
                .toList();
    }

    /**
     * Copies each missing jar from the first of {@code sources} that has it, then writes the
     * manifest. Logs one line per source used.
     *
     * @throws IOException naming the first jar no source had, or the last failure
     */
    public void fill(List<JarSource> sources, Consumer<String> log) throws IOException {
        Files.createDirectories(jars());
        Map<String, Integer> copiedFrom = new java.util.TreeMap<>();
        var copiers = java.util.concurrent.Executors.newFixedThreadPool(COPIES_AT_ONCE,
                Thread.ofVirtual().name("bramble-compute-jar-", 0).factory());
        try {
            List<java.util.concurrent.Future<String>> copies = new ArrayList<>();
            for (String jar : missing()) {
                copies.add(copiers.submit(() -> copyOne(jar, sources)));
            }
            for (var copy : copies) {
                copiedFrom.merge(copy.get(), 1, Integer::sum);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            // The first jar no source has ends the filling: the next try starts where the
            // copies stopped, and a member may have a complete copy by then.
            throw e.getCause() instanceof IOException io
                    ? io
                    : new IOException(e.getCause().toString(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            copiers.shutdownNow();
            awaitCopiers(copiers);
        }
        copiedFrom.forEach((source, count) -> log.accept("compute: " + count
                + " of Spark's jars from " + source));
        writeManifest();
    }

    /** Waits for interrupted copies to end, so that no two write one temporary file. */
    private static void awaitCopiers(java.util.concurrent.ExecutorService copiers) {
        try {
            copiers.awaitTermination(COPIERS_END_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String copyOne(String jar, List<JarSource> sources) throws IOException {
        Path target = jars().resolve(SparkRelease.fileName(jar));
        Path partial = jars().resolve(SparkRelease.fileName(jar) + ".part");
        IOException last = null;
        for (JarSource source : sources) {
            try {
                if (source.copy(jar, partial)) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                    return source.name();
                }
            } catch (IOException e) {
                last = e;
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        String tried = String.join(", ", sources.stream().map(JarSource::name).toList());
        throw new IOException(SparkRelease.fileName(jar) + ": not found in " + tried
                + (last == null ? "" : " (" + last.getMessage() + ")"), last);
    }

    private void writeManifest() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String jar : release.jars()) {
            String name = SparkRelease.fileName(jar);
            text.append(Sha1.of(jars().resolve(name))).append("  ").append(name).append('\n');
        }
        Path partial = home.resolve(MANIFEST + ".part");
        Files.writeString(partial, text);
        Files.move(partial, home.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The manifest's text, when the cache is complete. */
    public Optional<String> manifest() throws IOException {
        return complete()
                ? Optional.of(Files.readString(home.resolve(MANIFEST)))
                : Optional.empty();
    }

    /** Each jar's SHA-1 by file name, from a manifest's text. */
    public static Map<String, String> parseManifest(String text) throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length != 2) {
                throw new IOException("bad manifest line '" + line + "'");
            }
            sums.put(parts[1], Sha1.fromText(parts[0]));
        }
        return sums;
    }

    /** The path of the release's jar named {@code name}, for a member copying it. */
    public Optional<Path> jar(String name) {
        List<String> names = new ArrayList<>();
        release.jars().forEach(j -> names.add(SparkRelease.fileName(j)));
        return names.contains(name) ? Optional.of(jars().resolve(name)) : Optional.empty();
    }
}
