package io.bramble.fs.brick.wire;

import io.bramble.pool.link.Tls;
import io.bramble.pool.tls.PoolAuthority;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A pool's authority made for a test, and credentials of members and of strangers. */
final class TestPool {
    final PoolAuthority authority = PoolAuthority.create(UUID.randomUUID());

    /** A member's credentials, certified by this pool. */
    PoolTls member() {
        KeyPair keys = PoolAuthority.newKeyPair();
        X509Certificate certificate = authority.certify(keys.getPublic(), UUID.randomUUID(),
                List.of("127.0.0.1"));
        return new Credentials(keys, certificate).tls(authority.certificate());
    }

    /** A node certified by another pool's authority that knows this pool's certificate. */
    PoolTls stranger() {
        PoolAuthority other = PoolAuthority.create(UUID.randomUUID());
        KeyPair keys = PoolAuthority.newKeyPair();
        X509Certificate certificate = other.certify(keys.getPublic(), UUID.randomUUID(), List
                .of("127.0.0.1"));
        return new Credentials(keys, certificate).tls(authority.certificate());
    }

    /** A raw TLS socket with a member's certificate, to send bytes no client would. */
    SSLSocket rawMemberSocket(int port) throws IOException, GeneralSecurityException {
        KeyPair keys = PoolAuthority.newKeyPair();
        X509Certificate certificate = authority.certify(keys.getPublic(), UUID.randomUUID(),
                List.of("127.0.0.1"));
        char[] password = "test".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("node", keys.getPrivate(), password, new Certificate[]{certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory
                .getDefaultAlgorithm());
        keyManagers.init(store, password);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keyManagers.getKeyManagers(), new TrustManager[]{new TrustAll()}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1",
                port);
        socket.setSoTimeout(5_000);
        socket.startHandshake();
        return socket;
    }

    /** A plain socket, to send bytes that are not TLS at all. */
    static Socket plainSocket(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private record Credentials(KeyPair keys, X509Certificate certificate) {
        PoolTls tls(X509Certificate trusted) {
            return new PoolTls(Tls.of(keys.getPrivate(), certificate), trusted);
        }
    }

    /** The server's certificate is not what these sockets test. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
