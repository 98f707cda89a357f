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
    /** The 39 cipher suites of HAProxy's SSLv3 hello: 0x0001 to 0x001B, 0x002F to 0x003A. */
    private static final int[][] HELLO_CIPHER_RANGES = {{0x01, 0x1b}, {0x2f, 0x3a}};

    private ProtocolCheckScripts() {
    }

    /** {@code option redis-check}: PING as a RESP array, {@code +PONG} back. */
    static TcpCheckConfig redis() {
        return new TcpCheckConfig("option redis-check", List.of(
                new Send("*1\r\n$4\r\nPING\r\n", Send.NO_TIME, ""),
                new Expect(false, TcpCheckMatch.STRING, "+PONG\r\n", Expect.MIN_RECV_NONE,
                        L7STS, "Redis server is ok", "", "")));
    }

    /**
     * {@code option mysql-check [user NAME [post-41|pre-41]]}: without a user, the server's
     * first packet must not be an error; with one, a client authentication packet for that
     * user (no password) and a QUIT are sent, and the reply to the login must not be an error
     * either.
     *
     * @param user the user to log in as; null for none
     * @param post41 the MySQL 4.1 packet format (the default) rather than the older one
     */
    static TcpCheckConfig mysql(String user, boolean post41) {
        Expect handshake = Expect.of(false, TcpCheckMatch.MYSQL_HANDSHAKE, "");
        if (user == null) {
            return new TcpCheckConfig("option mysql-check", List.of(LINGER, handshake));
        }
        StringBuilder body = new StringBuilder();
        if (post41) {
            body.append("\u0000\u0082\u0000\u0000").append("\u0000\u0080\u0000\u0001")
                    .append('\u0021').append("\u0000".repeat(23));
        } else {
            body.append("\u0000\u0080").append("\u0000\u0000\u0001");
        }
        body.append(user).append('\u0000').append('\u0000');
        int length = body.length();
        String packet = "" + (char) (length & 0xff) + (char) ((length >> 8) & 0xff)
                + (char) ((length >> 16) & 0xff) + '\u0001' + body
                + "\u0001\u0000\u0000\u0000\u0001";
        return new TcpCheckConfig("option mysql-check", List.of(LINGER,
                new Send(packet, Send.NO_TIME, ""), handshake,
                Expect.of(false, TcpCheckMatch.MYSQL_OK, "")));
    }

    /**
     * {@code option pgsql-check user NAME}: a protocol 3.0 startup message for that user; an
     * error ({@code E}) fails, an authentication request ({@code R}) that is OK or asks for a
     * password passes.
     */
    static TcpCheckConfig pgsql(String user) {
        int length = 4 + 4 + 5 + user.length() + 2;
        String message = "" + (char) (length >>> 24) + (char) ((length >>> 16) & 0xff)
                + (char) ((length >>> 8) & 0xff) + (char) (length & 0xff)
                + "\u0000\u0003\u0000\u0000" + "user\u0000" + user + "\u0000\u0000";
        return new TcpCheckConfig("option pgsql-check", List.of(LINGER,
                new Send(message, Send.NO_TIME, ""),
                new Expect(true, TcpCheckMatch.RSTRING, "^E", 5, ExpectStatus.DEFAULT, "", "",
                        ""),
                new Expect(false, TcpCheckMatch.RBINARY,
                        "^52000000[A-Z0-9]{2}000000(00|02|03|04|05|06|07|09|0A)", 9, L7STS,
                        "PostgreSQL server is ok", "PostgreSQL unknown error", "")));
    }

    /** {@code option ldap-check}: an anonymous LDAPv3 bind; the result code must be 0. */
    static TcpCheckConfig ldap() {
        return new TcpCheckConfig("option ldap-check", List.of(
                new Send(hex("300C020101600702010304008000"), Send.NO_TIME, ""),
                new Expect(false, TcpCheckMatch.RBINARY, "^30", 14, ExpectStatus.DEFAULT, "",
                        "Not LDAPv3 protocol", ""),
                Expect.of(false, TcpCheckMatch.LDAP_BIND_RESPONSE, "")));
    }

    /**
     * {@code option smtpchk [HELO|EHLO DOMAIN]}: a 2xx greeting, the command (by default
     * {@code HELO localhost}) answered with 2xx (several lines allowed), then QUIT answered
     * with 2xx.
     */
    static TcpCheckConfig smtp(String command) {
        ExpectStatus reply = new ExpectStatus("L7OK", "L7RSP", "L7TOUT");
        return new TcpCheckConfig("option smtpchk", List.of(LINGER,
                new Expect(false, TcpCheckMatch.RSTRING, "^[0-9]{3}[ \r]", 4, reply, "", "",
                        ""),
                new Expect(false, TcpCheckMatch.RSTRING, "^2[0-9]{2}[ \r]", 4, L7STS, "", "",
                        ""),
                new Send(command + "\r\n", Send.NO_TIME, ""),
                new Expect(false, TcpCheckMatch.RSTRING,
                        "^(2[0-9]{2}-[^\r]*\r\n)*2[0-9]{2}[ \r]", 4, L7STS, "", "", ""),
                new Send("QUIT\r\n", Send.NO_TIME, ""),
                new Expect(false, TcpCheckMatch.RSTRING, "^2[0-9]{2}[- \r]", 4, L7STS, "", "",
                        "")));
    }

    /**
     * {@code option ssl-hello-chk}: an SSLv3 client hello; a handshake record or an alert
     * back (what any SSL or TLS server answers) passes at layer 6.
     */
    static TcpCheckConfig sslHello() {
        StringBuilder hello = new StringBuilder(hex("1603000079010000750300"));
        int timeAt = hello.length();
        hello.append("\u0000".repeat(4)).append("HAPROXYSSLCHK\nHAPROXYSSLCHK\n")
                .append(hex("00004E"));
        for (int[] range : HELLO_CIPHER_RANGES) {
            for (int suite = range[0]; suite <= range[1]; suite++) {
                hello.append('\u0000').append((char) suite);
            }
        }
        hello.append(hex("0100"));
        return new TcpCheckConfig("option ssl-hello-chk", List.of(
                new Send(hello.toString(), timeAt, ""),
                new Expect(false, TcpCheckMatch.RBINARY, "^1[56]", 5,
                        new ExpectStatus("L6OK", "L6RSP", "L6TOUT"), "", "", "")));
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
