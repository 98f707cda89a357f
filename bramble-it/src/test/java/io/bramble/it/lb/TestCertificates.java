package io.bramble.it.lb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.Programs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A throw-away certificate authority and server certificates made with openssl at test time,
 * in the test's own folder; no private key is kept in the repository.
 */
public final class TestCertificates {
    private TestCertificates() {
    }

    static void assumeTools() {
        assumeTrue(Programs.find("openssl").isPresent(),
                "needs openssl (Debian package openssl) to make test certificates");
        assumeTrue(Programs.find("curl").isPresent(),
                "needs curl (Debian package curl) as the TLS client");
    }

    /** Makes {@code ca.pem} in {@code dir}. */
    public static Path authority(Path dir) {
        run(dir, "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 "
                + "-subj /CN=bramble-test-ca");
        return dir.resolve("ca.pem");
    }

    /**
     * Makes {@code NAME.pem}: a certificate for DNS name {@code NAME} signed by the authority,
     * followed by its key, as {@code bind ... crt} reads it; {@code rsaKey} writes the key in
     * the older PKCS#1 form ({@code BEGIN RSA PRIVATE KEY}).
     */
    public static Path server(Path dir, String name, boolean rsaKey) {
        String key = rsaKey ? " && openssl rsa -in \"$2.key\" -out \"$2.key\" -traditional" : "";
        Exec.run(Duration.ofSeconds(60), List.of("bash", "-c", "cd \"$1\" && "
                + "openssl req -newkey rsa:2048 -nodes -keyout \"$2.key\" -out \"$2.csr\" "
                + "-subj \"/CN=$2\"" + key
                + " && printf 'subjectAltName=DNS:%s' \"$2\" > \"$2.ext\""
                + " && openssl x509 -req -in \"$2.csr\" -CA ca.pem -CAkey ca.key"
                + " -CAcreateserial -out \"$2.crt\" -days 2 -extfile \"$2.ext\""
                + " && cat \"$2.crt\" \"$2.key\" > \"$2.pem\"", "certs", dir.toString(),
                name)).orThrow();
        return dir.resolve(name + ".pem");
    }

    private static void run(Path dir, String script) {
        Exec.run(Duration.ofSeconds(60), List.of("bash", "-c", "cd \"$1\" && " + script,
                "certs", dir.toString())).orThrow();
    }
}
