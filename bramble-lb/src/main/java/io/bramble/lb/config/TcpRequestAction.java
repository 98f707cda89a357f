package io.bramble.lb.config;

/** What a {@code tcp-request connection|content} rule does. */
public sealed interface TcpRequestAction {
    /** {@code accept}: the rules of the phase end, the connection goes on. */
    record Accept() implements TcpRequestAction {}

    /** {@code reject}: the connection is closed. */
    record Reject() implements TcpRequestAction {}

    /** {@code track-scN src [table T]}: the rules go on. */
    record Track(StickTrack track) implements TcpRequestAction {}
}
