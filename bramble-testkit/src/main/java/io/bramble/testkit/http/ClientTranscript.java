package io.bramble.testkit.http;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a raw client got back for the bytes it sent.
 *
 * @param received every byte read, in order
 * @param closed the server closed the connection (rather than going quiet until the deadline)
 * @param writeFailure why sending stopped early, when the server closed or reset first
 * @param responses {@code received} split into responses
 * @param tunnel what came after a response that opened a tunnel
 * @param unparsed what could not be read as a response, as ISO-8859-1 text
 */
public record ClientTranscript(byte[] received, boolean closed, Optional<String> writeFailure,
        List<ClientResponse> responses, byte[] tunnel, String unparsed) {

    public ClientTranscript {
        received = received.clone();
        responses = List.copyOf(responses);
        tunnel = tunnel.clone();
    }

    static ClientTranscript of(byte[] received, boolean closed, Optional<String> writeFailure) {
        ResponseSplitter split = ResponseSplitter.split(received);
        return new ClientTranscript(received, closed, writeFailure, split.responses, split.tunnel,
                split.unparsed);
    }

    /** The status codes, in order. */
    public List<Integer> statuses() {
        return responses.stream().map(ClientResponse::status).toList();
    }

    /** The backend sequence numbers the responses carried, in order. */
    public List<Integer> sequences() {
        return responses.stream().map(ClientResponse::sequence).filter(OptionalInt::isPresent)
                .map(OptionalInt::getAsInt).toList();
    }
}
