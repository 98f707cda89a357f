package io.bramble.fs.brick.profile;

/**
 * The files open on a brick through its server, for {@code volume top NAME open}.
 *
 * @param current open now
 * @param max the most open at once since the brick started serving
 * @param maxAtEpochMs when that most was reached (0: never)
 */
public record OpenFiles(long current, long max, long maxAtEpochMs) {}
