package io.bramble.cluster.heartbeat;

/** A line of Heartbeat's files that cannot be brought over: {@code FILE:LINE: what and why}. */
public final class HeartbeatException extends RuntimeException {
    public HeartbeatException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}
