package io.bramble.lb.check;

import io.bramble.lb.config.TcpCheckMatch;
import io.bramble.lb.config.TcpCheckRule.Expect;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The verdict of one {@code tcp-check expect} on the bytes received so far, by HAProxy's
 * rules: a text or bytes pattern waits until the reply is at least as long as it; with
 * {@code min-recv} the step waits for that many bytes and a mismatch is then final; without
 * it a mismatch waits for more until the server closes or the buffer is full.
 */
final class TcpCheckExpectation {
    /** What the step does next. */
    sealed interface Outcome {
        /** The step passed: on to the next. */
        record Pass() implements Outcome {}

        /** More bytes may change the verdict. */
        record Wait() implements Outcome {}

        /** The check is over: failed, or passed on its last step. */
        record Stop(CheckStep.Verdict verdict) implements Outcome {}

        Outcome PASS = new Pass();
        Outcome WAIT = new Wait();
    }

    private TcpCheckExpectation() {
    }

    static Outcome judge(TcpCheck script, int index, byte[] input, int length,
            boolean lastRead) {
        Expect expect = (Expect) script.rules.get(index);
        switch (expect.match()) {
            case MYSQL_HANDSHAKE -> {
                return MysqlReply.judge(script, index, input, length, lastRead, false);
            }
            case MYSQL_OK -> {
                return MysqlReply.judge(script, index, input, length, lastRead, true);
            }
            case LDAP_BIND_RESPONSE -> {
                return LdapBindReply.judge(script, index, input, length);
            }
            default -> {
            }
        }
        byte[] wanted = wantedBytes(expect);
        if (!lastRead && (wanted != null && length < wanted.length
                || expect.minRecv() > 0 && length < expect.minRecv())) {
            return Outcome.WAIT;
        }
        boolean match = switch (expect.match()) {
            case STRING, BINARY -> indexOf(input, length, wanted) >= 0;
            case RSTRING -> script.patterns.get(index).matcher(text(input, length)).find();
            case RBINARY -> script.patterns.get(index).matcher(HexFormat.of().withUpperCase()
                    .formatHex(input, 0, length)).find();
            default -> throw new IllegalStateException("not a pattern: " + expect.match());
        };
        if (!match && !lastRead && expect.minRecv() == Expect.MIN_RECV_NONE) {
            return Outcome.WAIT;
        }
        if (match != expect.negated()) {
            return Outcome.PASS;
        }
        return new Outcome.Stop(new CheckStep.Verdict(CheckStatus.valueOf(expect.status()
                .error()), 0, failureInfo(script, index, expect, match, input, length)));
    }

    /** The verdict when the script ends on this passed step. */
    static CheckStep.Verdict passed(TcpCheck script, Expect expect, byte[] input,
            int length) {
        String info = !expect.okInfo().isEmpty()
                ? expect.okInfo()
                : script.generic ? "(tcp-check)" : firstLine(input, 0, length);
        return new CheckStep.Verdict(CheckStatus.valueOf(expect.status().ok()), 0, info);
    }

    /**
     * HAProxy's description: the step's {@code on-error} text; for {@code option tcp-check}
     * what did (not) match and at which step; for the protocol checks the reply's first line.
     */
    static String failureInfo(TcpCheck script, int index, Expect expect, boolean match,
            byte[] input, int length) {
        String comment = expect.comment().isEmpty()
                ? ""
                : " comment: '" + expect.comment() + "'";
        if (!expect.errorInfo().isEmpty()) {
            return expect.errorInfo() + comment;
        }
        if (!script.generic) {
            return firstLine(input, 0, length) + comment;
        }
        String what = switch (expect.match()) {
            case STRING -> " '" + expect.pattern() + "'";
            case BINARY -> " (binary)";
            case RSTRING -> " (regex)";
            case RBINARY -> " (binary regex)";
            default -> "";
        };
        return (match ? "TCPCHK matched unwanted content" : "TCPCHK did not match content")
                + what + " at step " + script.stepNumber(index) + comment;
    }

    /** The reply from {@code from} up to its first CR or LF. */
    static String firstLine(byte[] input, int from, int length) {
        int end = from;
        while (end < length && input[end] != '\r' && input[end] != '\n') {
            end++;
        }
        return from >= end
                ? ""
                : new String(input, from, end - from,
                        StandardCharsets.ISO_8859_1);
    }

    private static byte[] wantedBytes(Expect expect) {
        return switch (expect.match()) {
            case STRING -> expect.pattern().getBytes(StandardCharsets.ISO_8859_1);
            case BINARY -> HexFormat.of().parseHex(expect.pattern());
            default -> null;
        };
    }

    private static String text(byte[] input, int length) {
        return new String(input, 0, length, StandardCharsets.ISO_8859_1);
    }

    static int indexOf(byte[] input, int length, byte[] wanted) {
        outer : for (int i = 0; i + wanted.length <= length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (input[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
