package io.bramble.lb.config;

import java.nio.charset.StandardCharsets;

/**
 * One step of a check script. {@code tcp-check connect|send|send-binary|expect} lines write
 * them one by one; {@code option redis-check}, {@code mysql-check}, {@code pgsql-check},
 * {@code ldap-check}, {@code smtpchk} and {@code ssl-hello-chk} stand for fixed scripts (see
 * {@link ProtocolCheckScripts}), as in HAProxy, which runs all of these the same way.
 */
public sealed interface TcpCheckRule {
    /** The {@code comment} shown when this step fails; empty for none. */
    String comment();

    /**
     * Opens the connection, closing any an earlier step left open.
     *
     * @param port the port; {@link #PORT_DEFAULT} for the server's check port
     * @param ssl TLS over the connection, with the server's TLS settings
     * @param linger closes with a reset rather than leaving a TIME_WAIT behind
     * @param serverDefaults {@code default}: TLS when the server's own checks use it (a
     *        server with {@code ssl} or {@code check-ssl}); without it, only {@code ssl}
     *        asks for TLS
     * @param comment shown when the step fails
     */
    record Connect(int port, boolean ssl, boolean linger, boolean serverDefaults,
            String comment) implements TcpCheckRule {
        public static final int PORT_DEFAULT = 0;
        /** The connect HAProxy puts first when a script does not start with one. */
        public static final Connect DEFAULT = new Connect(PORT_DEFAULT, false, false, true,
                "");
    }

    /**
     * {@code tcp-check comment TEXT}: does nothing but counts as a step, as in HAProxy; its
     * text is also given to the step after it.
     */
    record Comment(String comment) implements TcpCheckRule {}

    /**
     * Sends bytes and forgets what was received so far.
     *
     * @param data the bytes, one character (0 to 255) per byte
     * @param unixTimeAt where to write the current Unix time, 4 bytes big-endian, when sent
     *        ({@link #NO_TIME} for nowhere): the SSL hello carries it
     * @param comment shown when the step fails
     */
    record Send(String data, int unixTimeAt, String comment) implements TcpCheckRule {
        public static final int NO_TIME = -1;

        public Send {
            if (data.chars().anyMatch(c -> c > 0xff)) {
                throw new IllegalArgumentException("send data holds a character above 0xff");
            }
            if (unixTimeAt != NO_TIME && (unixTimeAt < 0 || unixTimeAt + 4 > data.length())) {
                throw new IllegalArgumentException("time offset outside the data");
            }
        }

        /** The bytes as written, the time field still zero. */
        public byte[] bytes() {
            return data.getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return "Send[data=" + printable(data) + ", unixTimeAt=" + unixTimeAt + ", comment="
                    + comment + "]";
        }
    }

    /**
     * Reads until the reply matches, cannot match any more, or the check times out.
     *
     * @param negated {@code !}: the step fails when the pattern matches
     * @param match how the pattern is compared
     * @param pattern the text, the regular expression or the hexadecimal bytes
     * @param minRecv bytes to wait for before judging, {@link #MIN_RECV_NONE} for none: with
     *        it a mismatch is final, without it the step waits for more until the server
     *        closes or the buffer is full
     * @param status the statuses to report
     * @param okInfo the check's description when this last step passes; empty for the default
     * @param errorInfo the description when it fails; empty for the default
     * @param comment shown when the step fails
     */
    record Expect(boolean negated, TcpCheckMatch match, String pattern, int minRecv,
            ExpectStatus status, String okInfo, String errorInfo, String comment)
            implements
                TcpCheckRule {
        public static final int MIN_RECV_NONE = -1;

        @Override
        public String toString() {
            return "Expect[negated=" + negated + ", match=" + match + ", pattern="
                    + printable(pattern) + ", minRecv=" + minRecv + ", status=" + status
                    + ", okInfo=" + okInfo + ", errorInfo=" + errorInfo + ", comment="
                    + comment + "]";
        }

        /** A plain {@code tcp-check expect [!] MATCH PATTERN}. */
        public static Expect of(boolean negated, TcpCheckMatch match, String pattern) {
            return new Expect(negated, match, pattern, MIN_RECV_NONE, ExpectStatus.DEFAULT, "",
                    "", "");
        }
    }

    /** Text with control and non-ASCII characters written as HAProxy escapes ({@code \r}). */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * The check statuses an expect step reports, by HAProxy's names ({@code L7OK},
     * {@code L7RSP}, {@code L6TOUT}...).
     *
     * @param ok when the script passes at this step
     * @param error when this step fails
     * @param timeout when the check times out waiting at this step
     */
    record ExpectStatus(String ok, String error, String timeout) {
        public static final ExpectStatus DEFAULT = new ExpectStatus("L7OK", "L7RSP", "L7TOUT");
    }
}
