package io.bramble.lb.check;

import io.bramble.lb.check.TcpCheckExpectation.Outcome;
import java.nio.charset.StandardCharsets;

/**
 * {@code option mysql-check}'s verdict on a MySQL packet: 3 bytes of length (little-endian)
 * and a sequence number, then the payload; a payload starting with 0xFF is an error packet
 * (its 2-byte code and message are reported). The handshake is the first packet, the reply
 * to the login the one after it. On the last step the server's version (the handshake's text
 * from byte 5) is the check's description, as in HAProxy.
 */
final class MysqlReply {
    private static final int HEADER_BYTES = 4;
    private static final int ERROR_MARKER = 0xff;

    private MysqlReply() {
    }

    static Outcome judge(TcpCheck script, int index, byte[] input, int length,
            boolean lastRead, boolean second) {
        int offset = 0;
        if (second) {
            if (length < HEADER_BYTES) {
                return lastRead ? truncated() : Outcome.WAIT;
            }
            offset = HEADER_BYTES + packetLength(input, 0);
        }
        if (length < offset + HEADER_BYTES) {
            return lastRead ? truncated() : Outcome.WAIT;
        }
        int packet = packetLength(input, offset);
        if (length < offset + HEADER_BYTES + packet) {
            return lastRead ? truncated() : Outcome.WAIT;
        }
        if (packet > 0 && (input[offset + HEADER_BYTES] & 0xff) == ERROR_MARKER) {
            int code = packet >= 3
                    ? (input[offset + 5] & 0xff) | (input[offset + 6] & 0xff) << 8
                    : 0;
            String message = length > offset + 7
                    ? new String(input, offset + 7, length - offset - 7,
                            StandardCharsets.ISO_8859_1)
                    : "";
            return new Outcome.Stop(new CheckStep.Verdict(CheckStatus.L7STS, code, message));
        }
        if (index + 1 < script.rules.size()) {
            return Outcome.PASS;
        }
        return new Outcome.Stop(new CheckStep.Verdict(CheckStatus.L7OK, 0, version(input,
                length)));
    }

    private static int packetLength(byte[] input, int at) {
        return (input[at] & 0xff) | (input[at + 1] & 0xff) << 8 | (input[at + 2] & 0xff) << 16;
    }

    /** The NUL-terminated text from byte 5 of the handshake: the server's version. */
    private static String version(byte[] input, int length) {
        int end = 5;
        while (end < length && input[end] != 0) {
            end++;
        }
        return end <= 5 ? "" : new String(input, 5, end - 5, StandardCharsets.ISO_8859_1);
    }

    private static Outcome truncated() {
        return new Outcome.Stop(new CheckStep.Verdict(CheckStatus.L7RSP, 0, ""));
    }
}
