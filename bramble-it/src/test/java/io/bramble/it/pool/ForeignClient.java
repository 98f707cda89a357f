package io.bramble.it.pool;

import io.bramble.pool.tls.PoolAuthority;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS client that is no member of any pool: a key and a self-signed certificate of its own,
 * as an attacker on the LAN would have.
 */
final class ForeignClient {
    private ForeignClient() {
    }

    static SSLSocket connect(String host, int port) throws Exception {
        KeyPair pair = PoolAuthority.newKeyPair();
        X509Certificate certificate = PoolAuthority.selfSigned(pair, UUID.randomUUID());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("me", pair.getPrivate(), new char[0], new Certificate[]{
                certificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory
                .getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), new TrustManager[]{new TrustAll()}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(5_000);
        socket.startHandshake();
        return socket;
    }

    /** Sends a frame of {@code body} behind a 4-byte length of {@code length}. */
    static void sendFrame(Socket socket, int length, byte[] body) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(length);
        out.write(body);
        out.flush();
    }

    /** Reads until the peer closes; returns how many bytes came (0: closed, nothing said). */
    static int drain(Socket socket) {
        int total = 0;
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
            }
        } catch (IOException closed) {
            // a reset or TLS alert on close counts as closed
        }
        return total;
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String type) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String type) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
