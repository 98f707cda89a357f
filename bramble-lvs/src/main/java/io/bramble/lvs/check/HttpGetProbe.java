package io.bramble.lvs.check;

import io.bramble.lvs.config.HttpGetConfig;
import io.bramble.lvs.config.UrlCheck;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * {@code HTTP_GET} and {@code SSL_GET}: each url is fetched on a connection of its own and
 * judged by {@link HttpAnswer}; the attempt passes when every url passes. SSL_GET does not
 * verify the server's certificate, as keepalived's does not without an {@code SSL} block.
 */
final class HttpGetProbe implements Probe {
    /** The most of an answer read; a digest of a longer body fails the check. */
    static final int ANSWER_BYTES_MAX = 1 << 20;

    private final HttpGetConfig config;

    HttpGetProbe(HttpGetConfig config) {
        this.config = config;
    }

    @Override
    public Result attempt() {
        for (UrlCheck url : config.urls()) {
            try {
                HttpAnswer answer = HttpAnswer.parse(fetch(url));
                String refusal = answer.refusal(url);
                if (refusal != null) {
                    return Result.fail(config.kind() + " " + url.path() + ": " + refusal);
                }
            } catch (IOException e) {
                return Result.fail(config.kind() + " " + url.path() + ": " + e.getMessage());
            }
        }
        return Result.pass();
    }

    private byte[] fetch(UrlCheck url) throws IOException {
        try (Socket plain = TcpProbe.connect(config.target(), config.timing().connectTimeout());
                Socket socket = config.tls() ? tls(plain, url) : plain) {
            socket.getOutputStream().write(request(url).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    String request(UrlCheck url) {
        String host = url.virtualhost().orElseGet(() -> {
            String address = config.target().address().getAddress().getHostAddress();
            int port = config.target().address().getPort();
            String shown = address.contains(":") ? "[" + address + "]" : address;
            return port == (config.tls() ? 443 : 80) ? shown : shown + ":" + port;
        });
        String version = config.protocol().equals("1.1") ? "HTTP/1.1" : "HTTP/1.0";
        String close = config.protocol().equals("1.0") ? "" : "Connection: close\r\n";
        return "GET " + url.path() + " " + version + "\r\nUser-Agent: bramble-lvs-check\r\n"
                + "Host: " + host + "\r\n" + close + "\r\n";
    }

    private Socket tls(Socket plain, UrlCheck url) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            // Netty's trust-all manager, as bramble lb uses it for 'verify none'.
            context.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain,
                    config.target().address().getHostString(),
                    config.target().address().getPort(), true);
            if (config.sni() && url.virtualhost().isPresent()) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(url.virtualhost().get())));
                socket.setSSLParameters(parameters);
            }
            socket.startHandshake();
            return socket;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS: " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0;) {
            if (out.size() + n > ANSWER_BYTES_MAX) {
                throw new IOException("answer longer than " + ANSWER_BYTES_MAX + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
