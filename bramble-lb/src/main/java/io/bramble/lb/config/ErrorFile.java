package io.bramble.lb.config;

import java.nio.file.Path;

/**
 * {@code errorfile CODE FILE}: the file holds a whole HTTP response (status line, headers,
 * blank line, body) sent as is when the load balancer itself answers with that code.
 *
 * @param status 200, 400, 403, 405, 408, 410, 413, 425, 429, 500, 501, 502, 503 or 504
 * @param path the file; the parser checks it is readable and at most
 *        {@link #FILE_BYTES_MAX}
 * @param location where it was written
 */
public record ErrorFile(int status, Path path, ConfigLocation location) {
    /** The response must fit one buffer, as in HAProxy (tune.bufsize). */
    public static final int FILE_BYTES_MAX = 16_384;
}
