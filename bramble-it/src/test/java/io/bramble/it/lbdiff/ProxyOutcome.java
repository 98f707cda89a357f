package io.bramble.it.lbdiff;

import io.bramble.testkit.http.ClientTranscript;
import io.bramble.testkit.http.RecordedRequest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one proxy did with one case.
 *
 * @param client what the client got back
 * @param forwarded the requests that reached the proxy's backend, in order
 * @param tunnels for each forwarded request, the bytes its tunnel carried to the backend
 */
record ProxyOutcome(ClientTranscript client, List<RecordedRequest> forwarded,
        List<byte[]> tunnels) {

    ProxyOutcome {
        forwarded = List.copyOf(forwarded);
        tunnels = List.copyOf(tunnels);
    }

    /** The client's statuses, such as {@code 200 400}, and how the connection ended. */
    String statuses() {
        String codes = client.statuses().isEmpty()
                ? "none"
                : client.statuses().stream().map(String::valueOf).collect(Collectors.joining(" "));
        return codes + (client.closed() ? "" : " (open)");
    }

    /** The sequence numbers the backend gave the forwarded requests. */
    List<Integer> forwardedSequences() {
        return forwarded.stream().map(RecordedRequest::sequence).toList();
    }

    /** Every forwarded request got its answer to the client, once, in order, and no other. */
    boolean answeredExactlyWhatWasForwarded() {
        return client.sequences().equals(forwardedSequences());
    }
}
