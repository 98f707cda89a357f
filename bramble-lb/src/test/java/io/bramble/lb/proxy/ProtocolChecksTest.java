package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol checks and tcp-check scripts against small servers that answer as redis,
 * MySQL, PostgreSQL, LDAP and SMTP servers do, or fail as they do: a failing server goes DOWN
 * after {@code fall} checks and comes back UP after {@code rise}, as under HAProxy.
 */
class ProtocolChecksTest {
    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private ScriptedServer server(ScriptedServer.Script script) throws Exception {
        return resources.add(ScriptedServer.start(script));
    }

    /** Starts a balancer whose backend {@code db} has the check lines and the server. */
    private LoadBalancer start(String checkLines, ScriptedServer server) {
        String text = """
                defaults
                    mode tcp
                    timeout connect 1s
                    timeout client 5s
                    timeout server 5s
                    timeout check 1s
                listen db
                    bind 127.0.0.1:%d
                %s
                    server s1 127.0.0.1:%d check inter 100 rise 2 fall 2
                """.formatted(TestConfigs.freePort(), checkLines.indent(4), server.port());
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("checks.cfg", text);
        return resources.add(LoadBalancer.start(config, Clock.system(), new SplittableRandom(7),
                "test"));
    }

    private static String status(LoadBalancer balancer) {
        for (String line : balancer.statsCsv().split("\n")) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals("db") && cells[1].equals("s1")) {
                return cells[17];
            }
        }
        return "missing";
    }

    /** Unhealthy first: DOWN; healthy then: UP again. */
    private static void goesDownThenUp(LoadBalancer balancer, ScriptedServer server) {
        server.healthy(false);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> status(balancer).equals(
                "DOWN"));
        server.healthy(true);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> status(balancer).equals(
                "UP"));
    }

    private static String hex(String digits) {
        return new String(HexFormat.of().parseHex(digits), StandardCharsets.ISO_8859_1);
    }

    private static String mysqlPacket(int sequence, String payload) {
        int length = payload.length();
        return "" + (char) (length & 0xff) + (char) (length >> 8 & 0xff) + (char) (length >> 16)
                + (char) sequence + payload;
    }

    @Test
    void redisCheckWantsPong() throws Exception {
        ScriptedServer redis = server((peer, healthy) -> {
            peer.readUntil("PING\r\n");
            peer.write(healthy ? "+PONG\r\n" : "-LOADING Redis is loading the dataset\r\n");
        });
        LoadBalancer balancer = start("option redis-check", redis);
        goesDownThenUp(balancer, redis);
        assertThat(redis.lastReceived()).isEqualTo("*1\r\n$4\r\nPING\r\n");
    }

    @Test
    void mysqlCheckLogsInAndWantsNoErrorPacket() throws Exception {
        ScriptedServer mysql = server((peer, healthy) -> {
            byte[] header = peer.read(4);
            peer.read((header[0] & 0xff) + 5);
            peer.write(mysqlPacket(0, "\n8.0.36\0" + hex("0102030405060708")));
            peer.write(healthy
                    ? mysqlPacket(2, hex("00000002000000"))
                    : mysqlPacket(2, hex("FF1504") + "#28000Access denied for user 'haproxy'"));
        });
        LoadBalancer balancer = start("option mysql-check user haproxy", mysql);
        goesDownThenUp(balancer, mysql);
        assertThat(mysql.lastReceived()).contains("haproxy\0").endsWith(hex("0100000001"));
    }

    @Test
    void pgsqlCheckWantsAnAuthenticationRequest() throws Exception {
        ScriptedServer pgsql = server((peer, healthy) -> {
            byte[] length = peer.read(4);
            peer.read(length[3] - 4);
            peer.write(healthy
                    ? hex("520000000800000000")
                    : "E" + hex("0000004B") + "SFATAL\0C28000\0Mno pg_hba.conf entry\0\0");
        });
        LoadBalancer balancer = start("option pgsql-check user haproxy", pgsql);
        goesDownThenUp(balancer, pgsql);
        assertThat(pgsql.lastReceived()).isEqualTo(hex("0000001600030000") + "user\0haproxy"
                + "\0\0");
    }

    @Test
    void ldapCheckWantsASuccessfulBind() throws Exception {
        ScriptedServer ldap = server((peer, healthy) -> {
            peer.read(14);
            peer.write(hex(healthy
                    ? "300C02010161070A010004000400"
                    : "300C02010161070A01"
                            + "3504000400"));
        });
        LoadBalancer balancer = start("option ldap-check", ldap);
        goesDownThenUp(balancer, ldap);
        assertThat(ldap.lastReceived()).isEqualTo(hex("300C020101600702010304008000"));
    }

    @Test
    void smtpCheckWantsTwoHundreds() throws Exception {
        ScriptedServer smtp = server((peer, healthy) -> {
            if (!healthy) {
                peer.write("421 4.3.2 Service not available\r\n");
                return;
            }
            peer.write("220 mx.example ESMTP\r\n");
            peer.readUntil("\r\n");
            peer.write("250-mx.example\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
            peer.readUntil("QUIT\r\n");
            peer.write("221 2.0.0 Bye\r\n");
        });
        LoadBalancer balancer = start("option smtpchk EHLO lb.example", smtp);
        goesDownThenUp(balancer, smtp);
        assertThat(smtp.lastReceived()).isEqualTo("EHLO lb.example\r\nQUIT\r\n");
    }

    @Test
    void sslHelloCheckWantsAnSslRecord() throws Exception {
        ScriptedServer tls = server((peer, healthy) -> {
            peer.read(126);
            peer.write(healthy ? hex("15030300020228") : "HTTP/1.1 400 Bad Request\r\n\r\n");
        });
        LoadBalancer balancer = start("option ssl-hello-chk", tls);
        goesDownThenUp(balancer, tls);
        assertThat(tls.lastReceived()).startsWith(hex("1603000079010000750300"));
    }

    @Test
    void tcpCheckRunsTheScript() throws Exception {
        ScriptedServer redis = server((peer, healthy) -> {
            peer.readUntil("PING\r\n");
            peer.write("+PONG\r\n");
            peer.readUntil("info replication\r\n");
            peer.write(healthy ? "# Replication\r\nrole:master\r\n" : "role:slave\r\n");
            peer.readUntil("QUIT\r\n");
            peer.write("+OK\r\n");
        });
        LoadBalancer balancer = start("""
                option tcp-check
                tcp-check connect
                tcp-check send PING\\r\\n
                tcp-check expect string +PONG
                tcp-check send info\\ replication\\r\\n
                tcp-check expect string role:master
                tcp-check send QUIT\\r\\n
                tcp-check expect string +OK""", redis);
        goesDownThenUp(balancer, redis);
        assertThat(redis.lastReceived()).isEqualTo("PING\r\ninfo replication\r\nQUIT\r\n");
    }

    @Test
    void httpCheckSendsTheRequestOfHttpCheckSend() throws Exception {
        ScriptedServer web = server((peer, healthy) -> {
            String head = peer.readUntil("\r\n\r\n");
            java.util.regex.Matcher length = java.util.regex.Pattern.compile(
                    "Content-Length: (\\d+)").matcher(head);
            peer.read(length.find() ? Integer.parseInt(length.group(1)) : 0);
            peer.write(healthy ? "HTTP/1.0 200 OK\r\n\r\n" : "HTTP/1.0 503 Busy\r\n\r\n");
        });
        LoadBalancer balancer = start("""
                mode http
                option httpchk
                http-check send meth POST uri /health ver HTTP/1.1 hdr Host lb.example \
                body ping=1
                http-check expect status 200""", web);
        goesDownThenUp(balancer, web);
        assertThat(web.lastReceived()).isEqualTo("POST /health HTTP/1.1\r\nHost: lb.example\r\n"
                + "Content-Length: 6\r\nConnection: close\r\n\r\nping=1");
    }
}
