package io.bramble.lb.acl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

public class TlsClientHelloTest {
    /** The first bytes a JDK TLS client sends: its ClientHello record. */
    public static byte[] clientHello(String serverName, String... protocols) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        SSLEngine engine = context.createSSLEngine(serverName, 443);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        if (serverName != null) {
            parameters.setServerNames(List.of(new SNIHostName(serverName)));
        }
        parameters.setApplicationProtocols(protocols);
        engine.setSSLParameters(parameters);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        return Arrays.copyOf(out.array(), out.position());
    }

    @Test
    void aJdkClientHelloGivesItsTypeNameAndProtocols() throws Exception {
        byte[] hello = clientHello("example.com", "acme-tls/1", "http/1.1");

        assertThat(TlsClientHello.helloType(hello, hello.length))
                .isEqualTo(new TlsClientHello.Peek(List.of("1"), false));
        assertThat(TlsClientHello.serverName(hello, hello.length).values())
                .containsExactly("example.com");
        assertThat(TlsClientHello.alpn(hello, hello.length).values())
                .containsExactly("acme-tls/1", "http/1.1");
    }

    @Test
    void aHelloWithoutTheExtensionsGivesATypeButNoNameNorProtocol() throws Exception {
        byte[] hello = clientHello(null);

        assertThat(TlsClientHello.helloType(hello, hello.length).values()).containsExactly("1");
        assertThat(TlsClientHello.serverName(hello, hello.length))
                .isEqualTo(new TlsClientHello.Peek(List.of(), false));
        assertThat(TlsClientHello.alpn(hello, hello.length))
                .isEqualTo(new TlsClientHello.Peek(List.of(), false));
    }

    @Test
    void everyTruncationGivesNoValueButMayChange() throws Exception {
        byte[] hello = clientHello("example.com", "h2");
        for (int length = 0; length < hello.length; length++) {
            assertThat(TlsClientHello.helloType(hello, length))
                    .as("hello type of %d bytes", length).isEqualTo(new TlsClientHello.Peek(
                            List.of(), true));
            assertThat(TlsClientHello.serverName(hello, length))
                    .as("server name of %d bytes", length).isEqualTo(new TlsClientHello.Peek(
                            List.of(), true));
            assertThat(TlsClientHello.alpn(hello, length))
                    .as("alpn of %d bytes", length).isEqualTo(new TlsClientHello.Peek(
                            List.of(), true));
        }
    }

    @Test
    void anSslv2HelloAndPlainTextGiveNoValueForGood() {
        // An SSLv2 CLIENT-HELLO: a two-byte length with the top bit set, then type 1.
        byte[] sslv2 = {(byte) 0x80, 0x2e, 0x01, 0x03, 0x01, 0x00, 0x15, 0x00, 0x00, 0x00,
                0x10};
        byte[] text = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n".getBytes();
        for (byte[] data : List.of(sslv2, text)) {
            TlsClientHello.Peek none = new TlsClientHello.Peek(List.of(), false);
            assertThat(TlsClientHello.helloType(data, data.length)).isEqualTo(none);
            assertThat(TlsClientHello.serverName(data, data.length)).isEqualTo(none);
            assertThat(TlsClientHello.alpn(data, data.length)).isEqualTo(none);
        }
    }

    @Test
    void garbageAndCorruptedHellosNeverThrow() throws Exception {
        Random random = new Random(42);
        byte[] hello = clientHello("example.com", "h2");
        for (int round = 0; round < 2_000; round++) {
            byte[] data = round % 2 == 0 ? new byte[random.nextInt(600)] : hello.clone();
            if (round % 2 == 0) {
                random.nextBytes(data);
                data[0] = 0x16;
            } else {
                data[random.nextInt(data.length)] = (byte) random.nextInt(256);
            }
            int length = random.nextInt(data.length + 1);
            TlsClientHello.helloType(data, length);
            TlsClientHello.serverName(data, length);
            TlsClientHello.alpn(data, length);
        }
    }
}
