package io.bramble.lb.log;

/**
 * HAProxy's {@code option tcplog} line:
 * {@code CLIENT:PORT [DATE] FRONTEND BACKEND/SERVER Tw/Tc/Tt BYTES TERM
 * ACT/FE/BE/SRV/RETRIES 0/0}, that is HAProxy's
 * {@code %ci:%cp [%t] %ft %b/%s %Tw/%Tc/%Tt %B %ts %ac/%fc/%bc/%sc/%rc %sq/%bq}. BYTES are
 * those sent to the client only; TERM is the first two characters of the termination state;
 * the connection counts are taken when the line is made (the backend's and the server's no
 * longer count a connection that ended). bramble queues no TCP connection, so the queue
 * positions are 0/0. An http proxy with {@code option tcplog} logs this line per request.
 */
public final class TcpLogLine {
    private TcpLogLine() {
    }

    /**
     * @param fields the values an httplog line has; the request and response times, the
     *        status and the request line are not shown
     */
    public static String format(HttpLogLine.Fields fields) {
        StringBuilder line = new StringBuilder(160);
        line.append(fields.clientAddress()).append(':').append(fields.clientPort()).append(" [")
                .append(HttpLogLine.date(fields.acceptEpochMillis())).append("] ")
                .append(fields.frontend()).append(' ').append(fields.backend()).append('/')
                .append(fields.server()).append(' ').append(fields.queueMs()).append('/')
                .append(fields.connectMs()).append('/').append(fields.totalMs()).append(' ')
                .append(fields.bytesOut()).append(' ')
                .append(fields.termination(), 0, 2).append(' ');
        HttpLogLine.appendCounts(line, fields);
        return line.append(" 0/0").toString();
    }
}
