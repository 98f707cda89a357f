package io.bramble.lb.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * HAProxy's {@code option httplog} line:
 * {@code CLIENT:PORT [DATE] FRONTEND BACKEND/SERVER TR/Tw/Tc/Tr/Ta STATUS BYTES - - TERM
 * ACT/FE/BE/SRV/RETRIES 0/0 "REQUEST LINE"}. Times are milliseconds, -1 for a phase never
 * reached; the termination state is four characters, {@code ----} for a normal end.
 */
public final class HttpLogLine {
    private static final DateTimeFormatter DATE = DateTimeFormatter
            .ofPattern("dd/MMM/yyyy:HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    /** Longest request line logged; HAProxy also truncates it. */
    public static final int REQUEST_LINE_CHARS_MAX = 1024;

    private HttpLogLine() {
    }

    /**
     * @param fields what the exchange recorded
     */
    public static String format(Fields fields) {
        StringBuilder line = new StringBuilder(256);
        line.append(fields.clientAddress()).append(':').append(fields.clientPort()).append(" [")
                .append(date(fields.acceptEpochMillis()))
                .append("] ").append(fields.frontend()).append(' ').append(fields.backend())
                .append('/').append(fields.server()).append(' ').append(fields.requestMs())
                .append('/').append(fields.queueMs()).append('/').append(fields.connectMs())
                .append('/').append(fields.responseMs()).append('/').append(fields.totalMs())
                .append(' ').append(fields.status()).append(' ').append(fields.bytesOut())
                .append(" - - ").append(fields.termination()).append(' ');
        appendCounts(line, fields);
        line.append(" 0/0 \"");
        String request = fields.requestLine();
        if (request.length() > REQUEST_LINE_CHARS_MAX) {
            request = request.substring(0, REQUEST_LINE_CHARS_MAX);
        }
        appendEscaped(line, request);
        return line.append('"').toString();
    }

    /** HAProxy's accept date, {@code 05/Dec/2026:18:32:38.379}, in the local time zone. */
    static String date(long epochMillis) {
        return DATE.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * {@code ACT/FE/BE/SRV/RETRIES}: HAProxy's {@code %ac/%fc/%bc/%sc/%rc}, the retries
     * prefixed with {@code +} when a retry went to another server.
     */
    static void appendCounts(StringBuilder line, Fields fields) {
        line.append(fields.activeConnections()).append('/')
                .append(fields.frontendConnections()).append('/')
                .append(fields.backendConnections()).append('/')
                .append(fields.serverConnections()).append('/')
                .append(fields.redispatched() ? "+" : "").append(fields.retries());
    }

    /** Non-printable and quote characters are written as {@code #XX}, as HAProxy does. */
    static void appendEscaped(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '#') {
                line.append('#').append(String.format("%02X", (int) c & 0xFF));
            } else {
                line.append(c);
            }
        }
    }

    /**
     * The values of one line.
     *
     * @param clientAddress client IP as text
     * @param clientPort client port
     * @param acceptEpochMillis wall-clock time the request started
     * @param frontend frontend name
     * @param backend backend name, {@code <NOSRV>}-style placeholders allowed
     * @param server server name or {@code <NOSRV>}
     * @param requestMs time to receive the request head
     * @param queueMs time queued
     * @param connectMs time to connect to the server
     * @param responseMs time for the server to send its response head
     * @param totalMs whole exchange
     * @param status HTTP status sent to the client, -1 if none
     * @param bytesOut bytes sent to the client
     * @param termination four-character termination state
     * @param activeConnections process-wide connections
     * @param frontendConnections frontend connections
     * @param backendConnections backend connections
     * @param serverConnections server connections
     * @param retries retries made
     * @param redispatched a retry went to another server than the one first chosen
     * @param requestLine method, target and version
     */
    public record Fields(String clientAddress, int clientPort, long acceptEpochMillis,
            String frontend, String backend, String server, long requestMs, long queueMs,
            long connectMs, long responseMs, long totalMs, int status, long bytesOut,
            String termination, long activeConnections, long frontendConnections,
            long backendConnections, long serverConnections, int retries,
            boolean redispatched, String requestLine) {}
}
