package io.bramble.testkit.http;

import java.util.OptionalInt;

/**
 * One response as a raw client read it.
 *
 * @param status the status code
 * @param sequence the {@value RecordingBackend#SEQUENCE_HEADER} number when a
 *                 {@link RecordingBackend} wrote the response; empty for a proxy's own answers
 * @param tunnel the connection became a tunnel after it (a 101, or the answer to a CONNECT)
 */
public record ClientResponse(int status, OptionalInt sequence, boolean tunnel) {}
