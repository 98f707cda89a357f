package io.bramble.pool.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.Certificate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PoolAuthorityTest {
    @Test
    void aMemberCertificateNamesTheMemberOnlyForItsOwnPool() throws Exception {
        PoolAuthority pool = PoolAuthority.create(UUID.randomUUID());
        PoolAuthority other = PoolAuthority.create(UUID.randomUUID());
        KeyPair node = PoolAuthority.newKeyPair();
        UUID id = UUID.randomUUID();
        var certificate = pool.certify(node.getPublic(), id, List.of("gluster1.local",
                "127.0.0.11"));
        Certificate[] chain = {certificate};
        assertThat(PeerTrust.member(chain, pool.certificate())).contains(id);
        assertThat(PeerTrust.member(chain, other.certificate())).isEmpty();
        Certificate[] selfSigned = {PoolAuthority.selfSigned(node, id)};
        assertThat(PeerTrust.member(selfSigned, pool.certificate())).isEmpty();
        assertThat(certificate.getSubjectAlternativeNames()).hasSize(2);
    }

    @Test
    void pemRoundTrips(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        PoolAuthority pool = PoolAuthority.create(UUID.randomUUID());
        var file = dir.resolve("ca.pem");
        java.nio.file.Files.writeString(file, Pem.certificate(pool.certificate()));
        assertThat(Pem.readCertificate(file)).isEqualTo(pool.certificate());
        var key = dir.resolve("key.pem");
        java.nio.file.Files.writeString(key, Pem.privateKey(pool.key()));
        assertThat(Pem.readPrivateKey(key).getEncoded()).isEqualTo(pool.key().getEncoded());
    }
}
