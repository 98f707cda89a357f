package io.bramble.lb.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.TcpCheckConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check scripts, written as in haproxy.cfg, against servers' replies given byte by byte:
 * what bramble sends and the verdict, as HAProxy 2.6 has them.
 */
class TcpCheckRunTest {
    /** 2026-12-05T00:00:00Z, written into the SSL hello. */
    private static final long NOW_SECONDS = 1_796_428_800L;

    /** What one check sent, the connections it opened and its verdict. */
    record Transcript(List<String> sent, List<CheckStep.Connect> connects,
            CheckStep.Verdict verdict) {
        String sentHex() {
            return HexFormat.of().withUpperCase().formatHex(sent.stream().map(s -> s.getBytes(
                    StandardCharsets.ISO_8859_1)).reduce(new byte[0], TcpCheckRunTest::concat));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static TcpCheckConfig script(String lines) {
        return new HaproxyConfigParser(Map.of(), false).parse("c.cfg", "backend b\n" + lines
                + "\n  server s1 127.0.0.1:6379 check\n").backend("b").orElseThrow().tcpCheck()
                .orElseThrow();
    }

    /**
     * Runs the script: every read gets the next reply (text, one char per byte); with none
     * left the server closes.
     */
    static Transcript talk(TcpCheckConfig config, String... replies) {
        TcpCheckRun run = new TcpCheck(config, () -> NOW_SECONDS).newRun();
        Deque<String> left = new ArrayDeque<>(List.of(replies));
        List<String> sent = new ArrayList<>();
        List<CheckStep.Connect> connects = new ArrayList<>();
        CheckStep step = run.start();
        for (int i = 0; i < 100; i++) {
            switch (step) {
                case CheckStep.Connect connect -> {
                    connects.add(connect);
                    step = run.connected();
                }
                case CheckStep.Write write -> {
                    sent.add(new String(write.bytes(), StandardCharsets.ISO_8859_1));
                    step = run.written();
                }
                case CheckStep.Read read -> {
                    if (left.isEmpty()) {
                        step = run.closed();
                    } else {
                        byte[] reply = left.pop().getBytes(StandardCharsets.ISO_8859_1);
                        step = run.received(reply, 0, reply.length);
                    }
                }
                case CheckStep.Verdict verdict -> {
                    return new Transcript(sent, connects, verdict);
                }
            }
        }
        throw new AssertionError("the check did not end");
    }

    /** A MySQL packet: 3 bytes of length, the sequence number, the payload. */
    private static String packet(int sequence, String payload) {
        int length = payload.length();
        return "" + (char) (length & 0xff) + (char) (length >> 8 & 0xff) + (char) (length >> 16)
                + (char) sequence + payload;
    }

    private static String hex(String digits) {
        return new String(HexFormat.of().parseHex(digits), StandardCharsets.ISO_8859_1);
    }

    @Test
    void redisSendsPingAndWantsPong() {
        TcpCheckConfig redis = script("  option redis-check");
        Transcript up = talk(redis, "+PONG\r\n");
        assertThat(up.sent()).containsExactly("*1\r\n$4\r\nPING\r\n");
        assertThat(up.verdict()).isEqualTo(new CheckStep.Verdict(CheckStatus.L7OK, 0,
                "Redis server is ok"));
        assertThat(talk(redis, "+PO", "NG\r\n").verdict().status()).isEqualTo(
                CheckStatus.L7OK);
        Transcript loading = talk(redis, "-LOADING Redis is loading the dataset\r\n");
        assertThat(loading.verdict()).isEqualTo(new CheckStep.Verdict(CheckStatus.L7STS, 0,
                "-LOADING Redis is loading the dataset"));
        assertThat(talk(redis).verdict().status()).isEqualTo(CheckStatus.L7RSP);
    }

    @Test
    void mysqlWithoutUserReadsTheHandshake() {
        TcpCheckConfig mysql = script("  option mysql-check");
        String handshake = packet(0, "\n8.0.19\0" + hex("0A0000006F3C025E"));
        Transcript up = talk(mysql, handshake);
        assertThat(up.sent()).isEmpty();
        assertThat(up.connects()).containsExactly(new CheckStep.Connect(0, false, true, true));
        assertThat(up.verdict()).isEqualTo(new CheckStep.Verdict(CheckStatus.L7OK, 0,
                "8.0.19"));
        Transcript refused = talk(mysql, packet(0, hex("FF6A04") + "Host is not allowed"));
        assertThat(refused.verdict().status()).isEqualTo(CheckStatus.L7STS);
        assertThat(refused.verdict().code()).isEqualTo(1130);
        assertThat(talk(mysql, hex("4A0000")).verdict().status()).isEqualTo(CheckStatus.L7RSP);
    }

    @Test
    void mysqlWithUserLogsInAndQuits() {
        String handshake = packet(0, "\n5.7.1\0" + hex("01020304"));
        Transcript up = talk(script("  option mysql-check user haproxy"), handshake
                + packet(2, hex("00000002000000")));
        assertThat(up.sentHex()).isEqualTo("2900000100820000008000012100000000000000000000"
                + "00000000000000000000000000" + "686170726F787900" + "00" + "0100000001");
        assertThat(up.verdict()).isEqualTo(new CheckStep.Verdict(CheckStatus.L7OK, 0,
                "5.7.1"));
        Transcript denied = talk(script("  option mysql-check user haproxy post-41"),
                handshake, packet(2, hex("FF1504") + "#28000Access denied"));
        assertThat(denied.verdict().status()).isEqualTo(CheckStatus.L7STS);
        assertThat(denied.verdict().code()).isEqualTo(1045);
        Transcript old = talk(script("  option mysql-check user bob pre-41"), handshake);
        assertThat(old.sentHex()).isEqualTo("0A000001" + "0080" + "000001" + "626F6200" + "00"
                + "0100000001");
    }

    @Test
    void pgsqlSendsAStartupMessageAndWantsAnAuthenticationRequest() {
        TcpCheckConfig pgsql = script("  option pgsql-check user haproxy");
        Transcript trust = talk(pgsql, hex("520000000800000000"));
        assertThat(trust.sentHex()).isEqualTo("00000016" + "00030000" + "7573657200"
                + "686170726F787900" + "00");
        assertThat(trust.verdict()).isEqualTo(new CheckStep.Verdict(CheckStatus.L7OK, 0,
                "PostgreSQL server is ok"));
        assertThat(talk(pgsql, hex("520000000C00000005AABBCCDD")).verdict().status())
                .isEqualTo(CheckStatus.L7OK);
        assertThat(talk(pgsql, hex("52000000170000000A") + "SCRAM-SHA-256\0\0").verdict()
                .status()).isEqualTo(CheckStatus.L7OK);
        Transcript rejected = talk(pgsql, "E" + hex("00000050") + "SFATAL\0C28000\0Mno pg_hba"
                + ".conf entry\0\0");
        assertThat(rejected.verdict().status()).isEqualTo(CheckStatus.L7RSP);
        Transcript unknown = talk(pgsql, hex("520000000800000001"));
        assertThat(unknown.verdict()).isEqualTo(new CheckStep.Verdict(CheckStatus.L7STS, 0,
                "PostgreSQL unknown error"));
    }

    @Test
    void ldapBindsAnonymouslyAndWantsResultCodeZero() {
        TcpCheckConfig ldap = script("  option ldap-check");
        Transcript up = talk(ldap, hex("300C02010161070A010004000400"));
        assertThat(up.sentHex()).isEqualTo("300C020101600702010304008000");
        assertThat(up.verdict()).isEqualTo(new CheckStep.Verdict(CheckStatus.L7OK, 0,
                "Success"));
        assertThat(talk(ldap, hex("30810C02010161070A010004000400")).verdict().status())
                .isEqualTo(CheckStatus.L7OK);
        Transcript invalid = talk(ldap, hex("300C02010161070A013104000400"));
        assertThat(invalid.verdict().status()).isEqualTo(CheckStatus.L7STS);
        assertThat(invalid.verdict().code()).isEqualTo(0x31);
        assertThat(talk(ldap, "HTTP/1.0 400 Bad\r\n\r\n").verdict()).isEqualTo(
                new CheckStep.Verdict(CheckStatus.L7RSP, 0, "Not LDAPv3 protocol"));
    }

    @Test
    void smtpWantsTwoHundredsToTheGreetingTheHeloAndTheQuit() {
        TcpCheckConfig ehlo = script("  option smtpchk EHLO bramble.test");
        Transcript up = talk(ehlo, "220 mx ESMTP\r\n", "250-mx\r\n250-PIPELINING\r\n250 "
                + "8BITMIME\r\n", "221 2.0.0 Bye\r\n");
        assertThat(up.sent()).containsExactly("EHLO bramble.test\r\n", "QUIT\r\n");
        assertThat(up.verdict().status()).isEqualTo(CheckStatus.L7OK);
        assertThat(talk(script("  option smtpchk"), "220 mx\r\n", "250 mx\r\n", "221 bye\r\n")
                .sent()).containsExactly("HELO localhost\r\n", "QUIT\r\n");
        assertThat(talk(ehlo, "554 5.3.2 busy\r\n").verdict().status()).isEqualTo(
                CheckStatus.L7STS);
        assertThat(talk(ehlo, "220 mx\r\n", "502 no\r\n").verdict().status()).isEqualTo(
                CheckStatus.L7STS);
        assertThat(talk(ehlo, "SSH-2.0-OpenSSH\r\n").verdict().status()).isEqualTo(
                CheckStatus.L7RSP);
    }

    @Test
    void sslHelloIsHaproxysClientHelloAndAnAlertPasses() {
        TcpCheckConfig hello = script("  option ssl-hello-chk");
        Transcript alert = talk(hello, hex("15030300020228"));
        assertThat(alert.sentHex()).isEqualTo("1603000079010000750300" + "6B135400"
                + HexFormat.of().withUpperCase().formatHex("HAPROXYSSLCHK\nHAPROXYSSLCHK\n"
                        .getBytes(StandardCharsets.US_ASCII))
                + "00004E" + "000100020003000400050006000700080009000A000B000C000D000E000F"
                + "0010001100120013001400150016001700180019001A001B002F00300031003200330034"
                + "00350036003700380039003A" + "0100");
        assertThat(alert.verdict().status()).isEqualTo(CheckStatus.L6OK);
        assertThat(talk(hello, hex("160303003A02")).verdict().status()).isEqualTo(
                CheckStatus.L6OK);
        assertThat(talk(hello, "HTTP/1.1 400 Bad Request\r\n").verdict().status()).isEqualTo(
                CheckStatus.L6RSP);
        TcpCheckRun silent = new TcpCheck(hello, () -> NOW_SECONDS).newRun();
        silent.start();
        assertThat(silent.connected()).isInstanceOf(CheckStep.Write.class);
        assertThat(silent.written()).isEqualTo(CheckStep.READ);
        assertThat(silent.timedOut(true).status()).isEqualTo(CheckStatus.L6TOUT);
    }

    @Test
    void tcpCheckRunsTheWrittenSteps() {
        TcpCheckConfig master = script("""
                option tcp-check
                tcp-check connect port 6380
                tcp-check send AUTH\\ secret\\r\\n
                tcp-check expect string +OK
                tcp-check send PING\\r\\n
                tcp-check expect string +PONG
                tcp-check send info\\ replication\\r\\n
                tcp-check comment role
                tcp-check expect string role:master
                tcp-check send QUIT\\r\\n
                tcp-check expect string +OK""");
        Transcript up = talk(master, "+OK\r\n", "+PONG\r\n", "# Replication\r\nrole:master\r\n",
                "+OK\r\n");
        assertThat(up.connects()).containsExactly(new CheckStep.Connect(6380, false, false,
                false));
        assertThat(up.sent()).containsExactly("AUTH secret\r\n", "PING\r\n",
                "info replication\r\n", "QUIT\r\n");
        assertThat(up.verdict()).isEqualTo(new CheckStep.Verdict(CheckStatus.L7OK, 0,
                "(tcp-check)"));
        Transcript slave = talk(master, "+OK\r\n", "+PONG\r\n", "role:slave\r\n");
        assertThat(slave.verdict()).isEqualTo(new CheckStep.Verdict(CheckStatus.L7RSP, 0,
                "TCPCHK did not match content 'role:master' at step 8 comment: 'role'"));
    }

    @Test
    void theImplicitConnectIsStepZeroAndANegatedMatchFails() {
        TcpCheckConfig notError = script("""
                option tcp-check
                tcp-check send-binary 50494E470D0A
                tcp-check expect min-recv 3 ! rstring ^-ERR""");
        Transcript down = talk(notError, "-ERR no\r\n");
        assertThat(down.connects()).containsExactly(new CheckStep.Connect(0, false, false,
                true));
        assertThat(down.sent()).containsExactly("PING\r\n");
        assertThat(down.verdict()).isEqualTo(new CheckStep.Verdict(CheckStatus.L7RSP, 0,
                "TCPCHK matched unwanted content (regex) at step 2"));
        assertThat(talk(notError, "+PONG\r\n").verdict().status()).isEqualTo(
                CheckStatus.L7OK);
        assertThat(talk(script("  option tcp-check")).verdict()).isEqualTo(
                new CheckStep.Verdict(CheckStatus.L4OK, 0, ""));
    }

    @Test
    void waitsForMoreUntilTheServerClosesWithoutMinRecv() {
        TcpCheckConfig banner = script("""
                option tcp-check
                tcp-check expect rbinary ^53534800""");
        TcpCheckRun run = new TcpCheck(banner, () -> NOW_SECONDS).newRun();
        run.start();
        assertThat(run.connected()).isEqualTo(CheckStep.READ);
        byte[] part = "SS".getBytes(StandardCharsets.US_ASCII);
        assertThat(run.received(part, 0, part.length)).isEqualTo(CheckStep.READ);
        assertThat(run.timedOut(true)).isEqualTo(new CheckStep.Verdict(CheckStatus.L7TOUT, 0,
                "timeout at step 1"));
        assertThat(run.closed()).isEqualTo(new CheckStep.Verdict(CheckStatus.L7RSP, 0,
                "TCPCHK did not match content (binary regex) at step 1"));
    }
}
