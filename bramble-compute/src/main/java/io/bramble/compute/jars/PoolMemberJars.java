package io.bramble.compute.jars;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Another member's cache, read through the pool's authenticated link in chunks: the
 * member's manifest says each jar's SHA-1, and every copy is checked against it, so that only
 * one node of a pool needs to reach a Maven repository.
 */
public final class PoolMemberJars implements JarSource {
    /** Bytes per chunk: base64 makes 4/3 of it, within a command reply's 1 MiB. */
    public static final int CHUNK_BYTES = 512 * 1024;
    /** The largest jar copied; Spark's largest is about 60 MB. */
    static final long JAR_BYTES_MAX = 1L << 30;

    /** Runs a {@code compute} line on the member; its standard output, or a failure. */
    @FunctionalInterface
    public interface Member {
        String run(List<String> args) throws IOException;
    }

    private final String name;
    private final Member member;
    private Map<String, String> sums;

    public PoolMemberJars(String name, Member member) {
        this.name = name;
        this.member = member;
    }

    @Override
    public String name() {
        return "pool member " + name;
    }

    @Override
    public boolean copy(String jar, Path target) throws IOException {
        String file = SparkRelease.fileName(jar);
        Map<String, String> known = sums();
        String expected = known.get(file);
        if (expected == null) {
            return false;
        }
        long offset = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            while (true) {
                byte[] chunk = Base64.getDecoder().decode(member.run(List.of("compute", "jar",
                        file, Long.toString(offset))).strip());
                if (chunk.length == 0) {
                    break;
                }
                out.write(chunk);
                offset += chunk.length;
                if (offset > JAR_BYTES_MAX) {
                    throw new IOException(name() + ": " + file + " is larger than "
                            + JAR_BYTES_MAX + " bytes");
                }
            }
        }
        Sha1.check(target, expected, name());
        return true;
    }

    /** The member's manifest, asked once; empty when the member has no complete copy. */
    private synchronized Map<String, String> sums() throws IOException {
        if (sums == null) {
            String manifest = member.run(List.of("compute", "jars"));
            if (manifest.isBlank()) {
                return Map.of(); // asked again for the next jar: the member may be filling
            }
            sums = JarCache.parseManifest(manifest);
        }
        return sums;
    }

    /** The chunk of {@code file} at {@code offset} in base64; empty at the end. */
    public static String chunk(Path file, long offset) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            if (offset >= size) {
                return "";
            }
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(
                    CHUNK_BYTES, size - offset));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
    }
}
