package io.bramble.it.lbdiff;

import java.time.Duration;

/**
 * One entry of the catalogue: bytes a client sends on a fresh connection.
 *
 * @param name unique across the catalogue; the accepted-differences file refers to it
 * @param description the comment lines above it: what it probes and why
 * @param where {@code file:line} of its {@code ===} line
 * @param bytes exactly what the client sends
 * @param requests how many requests the client means to send: no proxy may forward more
 * @param writeBytes the size of each write; 0 sends everything in one write
 * @param pause the time between writes
 * @param halfClose shut the client's sending side down after the last byte
 */
record RequestCase(String name, String description, String where, byte[] bytes, int requests,
        int writeBytes, Duration pause, boolean halfClose) {}
