package io.bramble.lb.tls;

import io.bramble.lb.config.TlsOptions;
import java.util.List;

/** The TLS versions a context offers, from a line's options merged with the defaults. */
final class TlsProtocols {
    private TlsProtocols() {
    }

    /** The JDK's names of the versions offered; none left is an error naming the settings. */
    static String[] versions(TlsOptions options) {
        List<String> versions = options.versions();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no TLS version left " + options
                    .describeVersions() + " (bramble offers TLSv1.2 and TLSv1.3)");
        }
        return versions.toArray(String[]::new);
    }
}
