package io.bramble.lb.check;

/** What a {@link CheckConversation} asks its caller to do next. */
public sealed interface CheckStep {
    /**
     * Open a connection to the server, closing the current one if any, then call
     * {@link CheckConversation#connected}.
     *
     * @param port the port; 0 for the server's check port
     * @param ssl TLS over it, with the server's TLS settings
     * @param linger close it with a reset rather than a FIN
     * @param serverDefaults TLS also when the server's checks use it ({@code ssl} or
     *        {@code check-ssl} on the server)
     */
    record Connect(int port, boolean ssl, boolean linger, boolean serverDefaults)
            implements
                CheckStep {
        /** The server's check port and TLS settings. */
        public static final Connect SERVER_DEFAULTS = new Connect(0, false, false, true);
    }

    /** Write these bytes, then call {@link CheckConversation#written}. */
    record Write(byte[] bytes) implements CheckStep {}

    /** Wait for bytes ({@link CheckConversation#received}) or the end of the stream. */
    record Read() implements CheckStep {}

    /** The check is over: close the connection and report. */
    record Verdict(CheckStatus status, int code, String info) implements CheckStep {
        public Verdict {
            info = info == null ? "" : info;
        }

        public CheckResult result(long durationMs) {
            return new CheckResult(status, code, info, durationMs);
        }
    }

    CheckStep READ = new Read();
}
