package io.bramble.compute.jars;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-1 of a file, as Maven repositories publish it beside each jar ({@code x.jar.sha1}). */
public final class Sha1 {
    private static final int BUFFER_BYTES = 64 * 1024;

    private Sha1() {
    }

    /** The file's SHA-1 in lower-case hex. */
    public static String of(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The checksum in the text of a {@code .sha1} file: its first word, lower-cased (some
     * files add the jar's name after it).
     */
    public static String fromText(String text) throws IOException {
        String first = text.strip().split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
        if (!first.matches("[0-9a-f]{40}")) {
            throw new IOException("not a SHA-1: '" + text.strip() + "'");
        }
        return first;
    }

    /** Fails unless {@code file} has checksum {@code expected}. */
    public static void check(Path file, String expected, String from) throws IOException {
        String actual = of(file);
        if (!actual.equals(expected)) {
            throw new IOException(from + ": " + file.getFileName() + " has SHA-1 " + actual
                    + ", expected " + expected);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
