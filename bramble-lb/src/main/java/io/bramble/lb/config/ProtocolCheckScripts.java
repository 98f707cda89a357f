package io.bramble.lb.config;

import io.bramble.lb.config.TcpCheckRule.Connect;
import io.bramble.lb.config.TcpCheckRule.Expect;
import io.bramble.lb.config.TcpCheckRule.ExpectStatus;
import io.bramble.lb.config.TcpCheckRule.Send;
import java.util.HexFormat;
import java.util.List;

/**
 * The scripts behind {@code option redis-check}, {@code mysql-check}, {@code pgsql-check},
 * {@code ldap-check}, {@code smtpchk} and {@code ssl-hello-chk}: the same bytes on the wire
 * and the same verdicts as HAProxy 2.6.
 */
final class ProtocolCheckScripts {
    /** Connects to the check port and closes with a reset, as HAProxy's protocol checks. */
    private static final Connect LINGER = new Connect(Connect.PORT_DEFAULT, false, true, true,
            "");
    private static final ExpectStatus L7STS = new ExpectStatus("L7OK", "L7STS", "L7TOUT");

    private ProtocolCheckScripts() {
    }

    /** {@code option redis-check}: PING as a RESP array, {@code +PONG} back. */
    static TcpCheckConfig redis() {
        return new TcpCheckConfig("option redis-check", List.of(
                new Send("*1\r\n$4\r\nPING\r\n", Send.NO_TIME, ""),
                new Expect(false, TcpCheckMatch.STRING, "+PONG\r\n", Expect.MIN_RECV_NONE,
                        L7STS, "Redis server is ok", "", "")));
    }

    /** Hexadecimal digits as one character per byte. */
    static String hex(String digits) {
        byte[] bytes = HexFormat.of().parseHex(digits);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            out.append((char) (b & 0xff));
        }
        return out.toString();
    }
}
