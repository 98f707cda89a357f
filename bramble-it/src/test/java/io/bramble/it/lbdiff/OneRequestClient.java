package io.bramble.it.lbdiff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sends one request on a new connection, plain or over TLS, and reads the answer until the
 * proxy closes (the request says {@code Connection: close}).
 */
final class OneRequestClient {
    /** How long a read may wait: every answer here is immediate. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /**
     * What the client got.
     *
     * @param status the status code; 0 when nothing readable came
     * @param headers the header fields, names lower-cased, in order
     * @param body what followed the head
     */
    record Answer(int status, List<Header> headers, String body) {
        /** Every value of {@code name} (lower case), joined with {@code ", "}; "" if none. */
        String value(String name) {
            return String.join(", ", headers.stream().filter(h -> h.name().equals(name))
                    .map(Header::value).toList());
        }
    }

    /** A header field; the name lower-cased. */
    record Header(String name, String value) {}

    private final SSLContext tls;

    private OneRequestClient(SSLContext tls) {
        this.tls = tls;
    }

    /** A client whose TLS connections trust only the authority in {@code caPem}. */
    static OneRequestClient trusting(Path caPem) {
        try (InputStream in = Files.newInputStream(caPem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new OneRequestClient(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer send(InetSocketAddress target, boolean overTls, String request) {
        try (Socket socket = overTls ? tlsSocket(target) : new Socket()) {
            if (!overTls) {
                socket.connect(target, (int) READ_TIMEOUT.toMillis());
            }
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("sending to " + target, e);
        }
    }

    private Socket tlsSocket(InetSocketAddress target) throws IOException {
        Socket plain = new Socket();
        plain.connect(target, (int) READ_TIMEOUT.toMillis());
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                target.getHostString(), target.getPort(), true);
        socket.startHandshake();
        return socket;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // an answer not closed within the timeout is judged on what came
        }
        return out.toByteArray();
    }

    static Answer parse(byte[] received) {
        String text = new String(received, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0 || !text.matches("(?s)HTTP/1\\.[01] [0-9]{3}.*")) {
            return new Answer(0, List.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new Header(lines[i].substring(0, Math.max(colon, 0))
                    .toLowerCase(Locale.ROOT),
                    colon < 0
                            ? lines[i]
                            : lines[i].substring(colon
                                    + 1).strip()));
        }
        return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers,
                text.substring(end + 4));
    }
}
