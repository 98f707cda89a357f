package io.bramble.fs.brick.wire;

import io.bramble.fs.ops.Caller;

/**
 * Every frame on a brick connection. The client's first frame attaches the connection to one
 * brick; then it sends requests, each with an id its response carries back, so that many can
 * be on the wire at once and answered in any order.
 */
public sealed interface Frame {
    /** The id that pairs a request with its response. */
    long id();

    /**
     * Names the brick the connection is for: the volume, and the brick's folder on the
     * server as {@code volume info} prints it.
     *
     * @param version the protocol version the client speaks
     */
    record Attach(long id, int version, String volume, String brickPath) implements Frame {}

    /**
     * One call.
     *
     * @param deadlineMs how long from its arrival the server may start the call; the client
     *     gives up at that point, so a call still queued then is answered ETIMEDOUT unrun
     */
    record Request(long id, int deadlineMs, Caller caller, Call call) implements Frame {}

    record Response(long id, Reply reply) implements Frame {}

    /**
     * A client asks whether the server is still there: sent when calls have waited a while
     * with nothing heard. The server's I/O thread answers it at once, ahead of the calls,
     * so a brick busy on its disk answers and only a hung one stays silent.
     */
    record Ping(long id) implements Frame {}

    /** The server's answer to the {@link Ping} with the same id. */
    record Pong(long id) implements Frame {}
}
