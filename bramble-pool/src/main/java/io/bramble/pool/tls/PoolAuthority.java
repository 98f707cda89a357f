package io.bramble.pool.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The pool's certificate authority: an EC P-256 key and a self-signed certificate, made by the
 * node that founds the pool and handed to each member it admits, so that any member can admit
 * the next. It certifies each member's key with the member's UUID as common name.
 *
 * <p>BouncyCastle does the signing: the JDK verifies certificates but has no public API to
 * make them.
 */
public record PoolAuthority(PrivateKey key, X509Certificate certificate) {
    /** How long certificates last: a pool outlives its hardware, and nothing here rotates. */
    static final Duration VALIDITY = Duration.ofDays(36_500);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new authority for pool {@code poolId}. */
    public static PoolAuthority create(UUID poolId) {
        KeyPair pair = newKeyPair();
        X500Name name = new X500Name("CN=bramble pool " + poolId);
        try {
            X509v3CertificateBuilder builder = builder(name, name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new PoolAuthority(pair.getPrivate(), sign(builder, pair.getPrivate()));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot make the pool's certificate", e);
        }
    }

    /** A fresh EC P-256 key pair for a node or an authority. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make EC keys", e);
        }
    }

    /** A self-signed certificate for a node that belongs to no pool yet. */
    public static X509Certificate selfSigned(KeyPair pair, UUID nodeId) {
        X500Name name = new X500Name("CN=" + nodeId);
        return sign(builder(name, name, pair.getPublic()), pair.getPrivate());
    }

    /**
     * A certificate for member {@code nodeId}'s key, naming its addresses and host names so that
     * TLS clients that check host names accept it.
     */
    public X509Certificate certify(PublicKey memberKey, UUID nodeId,
            List<String> namesOrAddresses) {
        X500Name issuer = new X500Name(certificate.getSubjectX500Principal().getName());
        X509v3CertificateBuilder builder = builder(issuer, new X500Name("CN=" + nodeId),
                memberKey);
        List<GeneralName> alternatives = new ArrayList<>();
        for (String name : namesOrAddresses) {
            alternatives.add(isAddress(name)
                    ? new GeneralName(GeneralName.iPAddress, name)
                    : new GeneralName(GeneralName.dNSName, name));
        }
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[]{KeyPurposeId.id_kp_serverAuth,
                            KeyPurposeId.id_kp_clientAuth}));
            if (!alternatives.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(alternatives.toArray(GeneralName[]::new)));
            }
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot make a member certificate", e);
        }
        return sign(builder, key);
    }

    private static boolean isAddress(String name) {
        if (!name.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            InetAddress.getByName(name); // a literal: no lookup happens
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject,
            PublicKey key) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)),
                subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }
}
