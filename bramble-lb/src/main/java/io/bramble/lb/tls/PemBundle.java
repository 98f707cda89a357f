package io.bramble.lb.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEM file as HAProxy's {@code crt} reads it: one or more certificates (the server's first,
 * then its chain) and one private key, PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 RSA
 * ({@code BEGIN RSA PRIVATE KEY}). The key and certificates are decoded by the JDK; PKCS#1 is
 * only re-wrapped in the PKCS#8 envelope the JDK reads.
 *
 * @param certificates the chain, leaf first
 * @param key the leaf's private key
 */
public record PemBundle(List<X509Certificate> certificates, PrivateKey key) {
    /** Bigger files are refused: a bundle is a few kilobytes. */
    static final long FILE_BYTES_MAX = 1024 * 1024;
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+?)-----END \\1-----");
    /** DER of PKCS#8's wrapper for an RSA key, up to the key's length: version 0, rsaEncryption. */
    private static final byte[] RSA_ALGORITHM = {0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a,
            (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    public PemBundle {
        certificates = List.copyOf(certificates);
    }

    /** Reads a bundle; the message of the exception says what is missing or wrong. */
    public static PemBundle read(Path file) throws IOException, GeneralSecurityException {
        if (Files.size(file) > FILE_BYTES_MAX) {
            throw new IOException(file + " is over " + FILE_BYTES_MAX + " bytes");
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<X509Certificate> certificates = new ArrayList<>();
        PrivateKey key = null;
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "CERTIFICATE" -> certificates.add((X509Certificate) factory
                        .generateCertificate(new ByteArrayInputStream(der)));
                case "PRIVATE KEY" -> key = pkcs8(der);
                case "RSA PRIVATE KEY" -> key = KeyFactory.getInstance("RSA").generatePrivate(
                        new PKCS8EncodedKeySpec(wrapRsa(der)));
                case "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException(file
                        + ": the private key is encrypted; store it unencrypted, as HAProxy "
                        + "needs it too");
                default -> {
                    // DH parameters, EC parameters and the like are not needed here.
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException(file + ": no certificate (BEGIN CERTIFICATE)");
        }
        if (key == null) {
            throw new GeneralSecurityException(file + ": no private key (BEGIN PRIVATE KEY or "
                    + "BEGIN RSA PRIVATE KEY) next to the certificate");
        }
        return new PemBundle(certificates, key);
    }

    /** Every certificate of a PEM file of trusted authorities ({@code ca-file}). */
    public static List<X509Certificate> certificates(Path file)
            throws IOException, GeneralSecurityException {
        if (Files.size(file) > FILE_BYTES_MAX * 16) {
            throw new IOException(file + " is over " + FILE_BYTES_MAX * 16 + " bytes");
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> result = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        while (m.find()) {
            if (m.group(1).equals("CERTIFICATE")) {
                result.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getMimeDecoder().decode(m.group(2)))));
            }
        }
        if (result.isEmpty()) {
            throw new GeneralSecurityException(file + ": no certificate (BEGIN CERTIFICATE)");
        }
        return result;
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : new String[]{"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(
                        new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("unsupported private key type", last);
    }

    /** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey. */
    static byte[] wrapRsa(byte[] pkcs1) {
        byte[] octets = derHeader(0x04, pkcs1.length);
        int bodyLength = RSA_ALGORITHM.length + octets.length + pkcs1.length;
        byte[] sequence = derHeader(0x30, bodyLength);
        byte[] out = new byte[sequence.length + bodyLength];
        int at = 0;
        System.arraycopy(sequence, 0, out, at, sequence.length);
        at += sequence.length;
        System.arraycopy(RSA_ALGORITHM, 0, out, at, RSA_ALGORITHM.length);
        at += RSA_ALGORITHM.length;
        System.arraycopy(octets, 0, out, at, octets.length);
        at += octets.length;
        System.arraycopy(pkcs1, 0, out, at, pkcs1.length);
        return out;
    }

    /** A DER tag and definite length. */
    private static byte[] derHeader(int tag, int length) {
        if (length < 0x80) {
            return new byte[]{(byte) tag, (byte) length};
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        byte[] header = new byte[2 + bytes];
        header[0] = (byte) tag;
        header[1] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            header[2 + i] = (byte) (length >>> (8 * (bytes - 1 - i)));
        }
        return header;
    }
}
