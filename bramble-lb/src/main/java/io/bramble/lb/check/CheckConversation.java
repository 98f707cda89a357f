package io.bramble.lb.check;

/**
 * One health check as a conversation with the server, free of sockets: the caller performs
 * each {@link CheckStep} and reports what happened. A plain connect, {@code option httpchk}
 * and the tcp-check scripts (with the protocol checks built on them) all speak it, so one
 * I/O shell runs them all. A conversation serves one check; make a new one for the next.
 */
public interface CheckConversation {
    /** The first step: always a {@link CheckStep.Connect}. */
    CheckStep start();

    /** The connection asked for is open. */
    CheckStep connected();

    /** The bytes of the last {@link CheckStep.Write} are on their way. */
    CheckStep written();

    /** Bytes arrived; the array is the caller's and is not kept. */
    CheckStep received(byte[] bytes, int offset, int length);

    /** The server closed the connection (or reset it after sending something). */
    CheckStep closed();

    /** The check ran out of time, connected or not. */
    CheckStep.Verdict timedOut(boolean connected);
}
