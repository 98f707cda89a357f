package io.bramble.it.lbdiff;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.http.RecordingBackend;
import java.net.InetAddress;

/**
 * The haproxy.cfg both proxies run: one frontend with two deny rules and, under
 * {@value Verdict#FORMAT_PATH}, header rules with log-format values; one server.
 */
final class SharedConfig {
    /** The defaults section of the side-by-side configurations. */
    static final String DEFAULTS = """
            defaults
                mode http
                timeout connect 5s
                timeout client 5s
                timeout server 5s
            """;

    private SharedConfig() {
    }

    static String text(HostPort bind, RecordingBackend server) {
        return DEFAULTS + """
                frontend public
                    bind BIND
                    http-request deny if { path_beg DENIED_PATH }
                    http-request deny if { hdr(host) -i DENIED_HOST }
                    acl format path_beg FORMAT_PATH
                    http-request set-header X-Format-Host %[req.hdr(host)] if format
                    http-request set-header X-Format-Src %[src] if format
                    http-request set-header X-Format-Url %[url] if format
                    http-request set-header X-Format-A %[hdr(x-a,1),lower]|%[hdr(x-a)] if format
                    default_backend origin
                backend origin
                    server origin SERVER
                """.replace("BIND", bind.toString())
                .replace("DENIED_PATH", Verdict.DENIED_PATH)
                .replace("DENIED_HOST", Verdict.DENIED_HOST)
                .replace("FORMAT_PATH", Verdict.FORMAT_PATH)
                .replace("SERVER", server.address().getHostAddress() + ":" + server.port());
    }
}
