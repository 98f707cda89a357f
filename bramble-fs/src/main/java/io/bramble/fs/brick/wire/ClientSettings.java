package io.bramble.fs.brick.wire;

import io.bramble.common.check.Checks;

/**
 * How a brick client behaves.
 *
 * @param deadlineMs how long a call waits for its reply before it fails with ETIMEDOUT, for a
 *     brick that is alive (it answers pings) but slow; a silent one is dropped sooner, at the
 *     ping timeout
 * @param connectTimeoutMs how long a connection, its TLS handshake and its attach may take
 * @param reconnectDelayMsMin the first wait before reconnecting, doubled after each failure
 * @param reconnectDelayMsMax the longest wait between attempts
 * @param inFlightMax calls on the wire at once; more wait (within their deadline)
 * @param pingTimeoutMs how long calls may wait with nothing heard from the server (not even
 *     the answer to a ping) before the connection is dropped and they fail with ENOTCONN
 *     ({@link Liveness}): what a hung brick costs a writer
 */
public record ClientSettings(int deadlineMs, int connectTimeoutMs, int reconnectDelayMsMin,
        int reconnectDelayMsMax, int inFlightMax, int pingTimeoutMs) {
    public static final ClientSettings DEFAULTS = new ClientSettings(5_000, 3_000, 100, 1_000,
            256, 1_500);

    public ClientSettings {
        Checks.inRange(deadlineMs, 1, FrameCodec.DEADLINE_MS_MAX, "deadlineMs");
        Checks.inRange(connectTimeoutMs, 1, 600_000, "connectTimeoutMs");
        Checks.inRange(reconnectDelayMsMin, 1, 600_000, "reconnectDelayMsMin");
        Checks.inRange(reconnectDelayMsMax, reconnectDelayMsMin, 600_000,
                "reconnectDelayMsMax");
        Checks.inRange(inFlightMax, 1, 1 << 16, "inFlightMax");
        Checks.inRange(pingTimeoutMs, 40, 3_600_000, "pingTimeoutMs");
    }

    public ClientSettings withDeadlineMs(int newDeadlineMs) {
        return new ClientSettings(newDeadlineMs, connectTimeoutMs, reconnectDelayMsMin,
                reconnectDelayMsMax, inFlightMax, pingTimeoutMs);
    }

    public ClientSettings withReconnectDelaysMs(int min, int max) {
        return new ClientSettings(deadlineMs, connectTimeoutMs, min, max, inFlightMax,
                pingTimeoutMs);
    }

    public ClientSettings withPingTimeoutMs(long newPingTimeoutMs) {
        return new ClientSettings(deadlineMs, connectTimeoutMs, reconnectDelayMsMin,
                reconnectDelayMsMax, inFlightMax, (int) Math.min(Integer.MAX_VALUE,
                        newPingTimeoutMs));
    }
}
