package io.bramble.lb.proxy;

import io.netty.channel.Channel;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * HAProxy's {@code option tcplog} line:
 * {@code CLIENT:PORT [DATE] FRONTEND BACKEND/SERVER Tw/Tc/Tt BYTES TERM RETRIES}.
 */
final class TcpLogLine {
    private static final DateTimeFormatter DATE = DateTimeFormatter
            .ofPattern("dd/MMM/yyyy:HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private TcpLogLine() {
    }

    static String of(TcpSession session, Channel client, Frontend frontend, long bytes) {
        InetSocketAddress remote = (InetSocketAddress) client.remoteAddress();
        String address = remote == null ? "-" : NetUtil.toAddressString(remote.getAddress());
        int port = remote == null ? 0 : remote.getPort();
        return address + ":" + port + " ["
                + DATE.format(Instant.ofEpochMilli(session.startEpochMillis())) + "] "
                + frontend.name() + " " + session.backendName() + "/" + session.serverName()
                + (session.rejected() ? " -1/" : " 0/") + session.connectMs() + "/"
                + session.totalMs() + " " + bytes + " "
                + (session.rejected() ? "PR" : session.connectMs() < 0 ? "SC" : "--") + " "
                + session.retries();
    }
}
