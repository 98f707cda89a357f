package io.bramble.compute.jars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarCacheTest {
    private static final SparkRelease RELEASE = SparkRelease.parse("4.2.0", "2.13",
            "maven2/org/apache/spark/spark-core_2.13/4.2.0/spark-core_2.13-4.2.0.jar:"
                    + "maven2/org/scala-lang/scala-library/2.13.18/scala-library-2.13.18.jar");

    @TempDir
    Path temp;

    private Path repository(boolean withSums) throws IOException {
        Path root = temp.resolve("m2");
        for (String jar : RELEASE.jars()) {
            Path file = root.resolve(jar);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "the bytes of " + jar);
            if (withSums) {
                Files.writeString(root.resolve(jar + ".sha1"), Sha1.of(file) + "  "
                        + file.getFileName() + "\n");
            }
        }
        return root;
    }

    @Test
    void fillsFromTheFirstSourceThatHasEachJarAndWritesTheManifest() throws Exception {
        JarCache cache = new JarCache(temp.resolve("compute"), RELEASE);
        assertThat(cache.complete()).isFalse();
        assertThat(cache.missing()).hasSize(2);
        List<String> log = new ArrayList<>();
        JarSource empty = new MavenRepository(temp.resolve("nothing"));
        cache.fill(List.of(empty, new MavenRepository(repository(true))), log::add);
        assertThat(cache.complete()).isTrue();
        assertThat(cache.home()).isEqualTo(temp.resolve("compute/spark-4.2.0_2.13"));
        assertThat(cache.jars().resolve("scala-library-2.13.18.jar")).hasContent(
                "the bytes of org/scala-lang/scala-library/2.13.18/scala-library-2.13.18.jar");
        assertThat(log).containsExactly("compute: 2 of Spark's jars from " + temp.resolve(
                "m2"));
        assertThat(JarCache.parseManifest(cache.manifest().orElseThrow())).containsOnlyKeys(
                "spark-core_2.13-4.2.0.jar", "scala-library-2.13.18.jar");
        assertThat(cache.jar("spark-core_2.13-4.2.0.jar")).isPresent();
        assertThat(cache.jar("../../etc/passwd")).isEmpty();
    }

    @Test
    void aJarThatDoesNotMatchItsChecksumIsNotKept() throws Exception {
        Path root = repository(true);
        Files.writeString(root.resolve(RELEASE.jars().getFirst()), "changed");
        JarCache cache = new JarCache(temp.resolve("compute"), RELEASE);
        assertThatThrownBy(() -> cache.fill(List.of(new MavenRepository(root)), line -> {
        }))
                .hasMessageContaining("spark-core_2.13-4.2.0.jar: not found in")
                .hasMessageContaining("has SHA-1");
        assertThat(cache.complete()).isFalse();
        try (var files = Files.list(cache.jars())) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(
                    "spark-core_2.13-4.2.0.jar", "spark-core_2.13-4.2.0.jar.part");
        }
    }

    @Test
    void aMembersCopyIsReadInChunksAndChecked() throws Exception {
        JarCache first = new JarCache(temp.resolve("first"), RELEASE);
        first.fill(List.of(new MavenRepository(repository(false))), line -> {
        });
        Path big = first.jars().resolve("spark-core_2.13-4.2.0.jar");
        byte[] bytes = new byte[PoolMemberJars.CHUNK_BYTES * 2 + 7];
        new java.util.SplittableRandom(7).nextBytes(bytes);
        Files.write(big, bytes);
        first.fill(List.of(), line -> {
        }); // the manifest again, for the new bytes
        List<List<String>> asked = new ArrayList<>();
        PoolMemberJars member = new PoolMemberJars("spark1", args -> {
            asked.add(args);
            return switch (args.get(1)) {
                case "jars" -> first.manifest().orElse("");
                case "jar" -> PoolMemberJars.chunk(first.jar(args.get(2)).orElseThrow(),
                        Long.parseLong(args.get(3)));
                default -> throw new IOException("unexpected " + args);
            };
        });
        JarCache second = new JarCache(temp.resolve("second"), RELEASE);
        second.fill(List.of(member), line -> {
        });
        assertThat(second.jars().resolve("spark-core_2.13-4.2.0.jar")).hasBinaryContent(bytes);
        assertThat(asked.stream().filter(a -> a.get(2 - 1).equals("jar")
                && a.get(2).equals("spark-core_2.13-4.2.0.jar"))).hasSize(4);
    }

    @Test
    void theBundledReleaseIsSpark42OnScala213() {
        SparkRelease bundled = SparkRelease.bundled();
        assertThat(bundled.version()).isEqualTo("4.2.0");
        assertThat(bundled.scala()).isEqualTo("2.13");
        assertThat(bundled.jars()).contains(
                "org/apache/spark/spark-core_2.13/4.2.0/spark-core_2.13-4.2.0.jar",
                "org/apache/spark/spark-sql_2.13/4.2.0/spark-sql_2.13-4.2.0.jar");
        assertThat(new String(bundled.jars().toString().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).doesNotContain("..");
    }
}
