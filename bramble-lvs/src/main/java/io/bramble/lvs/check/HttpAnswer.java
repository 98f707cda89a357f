package io.bramble.lvs.check;

import io.bramble.lvs.config.UrlCheck;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An HTTP answer read to its end, and the verdict of a {@code url} block on it: the status
 * must be one of its codes and, with a digest, the MD5 of the body (chunks joined) must be
 * the digest, as keepalived's genhash computes it. Pure.
 *
 * @param status the status code, -1 when the bytes are no HTTP answer
 * @param body the body, de-chunked
 */
public record HttpAnswer(int status, byte[] body) {
    /** Reads {@code raw} (the whole answer, up to the connection's end). */
    public static HttpAnswer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || headEnd < 0) {
            return new HttpAnswer(-1, new byte[0]);
        }
        String[] statusLine = text.substring(0, text.indexOf("\r\n")).split(" ");
        int status = statusLine.length >= 2 && statusLine[1].matches("\\d{3}")
                ? Integer.parseInt(statusLine[1])
                : -1;
        String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            body = dechunk(body);
        } else {
            int length = contentLength(head);
            if (length >= 0 && length < body.length) {
                body = java.util.Arrays.copyOf(body, length);
            }
        }
        return new HttpAnswer(status, body);
    }

    /** Why {@code url} refuses this answer, or null when it passes. */
    public String refusal(UrlCheck url) {
        if (status < 0) {
            return "not an HTTP answer";
        }
        if (!url.accepts(status)) {
            return "status " + status;
        }
        if (url.digest().isPresent() && !url.digest().get().equals(md5())) {
            return "digest " + md5() + " where " + url.digest().get() + " was expected";
        }
        return null;
    }

    /** The body's MD5 in lower-case hex. */
    public String md5() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static int contentLength(String head) {
        int at = head.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return -1;
        }
        int end = head.indexOf("\r\n", at + 2);
        String value = head.substring(at + 17, end < 0 ? head.length() : end).trim();
        return value.matches("\\d{1,9}") ? Integer.parseInt(value) : -1;
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1)
                    .split(";")[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0 || lineEnd + 2 + size > chunked.length) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
