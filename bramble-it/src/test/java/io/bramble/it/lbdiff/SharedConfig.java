package io.bramble.it.lbdiff;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.http.RecordingBackend;
import java.net.InetAddress;

/** The haproxy.cfg both proxies run: one frontend with two deny rules, one server. */
final class SharedConfig {
    private SharedConfig() {
    }

    static String text(HostPort bind, RecordingBackend server) {
        return """
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 5s
                    timeout server 5s
                frontend public
                    bind BIND
                    http-request deny if { path_beg DENIED_PATH }
                    http-request deny if { hdr(host) -i DENIED_HOST }
                    default_backend origin
                backend origin
                    server origin SERVER
                """.replace("BIND", bind.toString())
                .replace("DENIED_PATH", Verdict.DENIED_PATH)
                .replace("DENIED_HOST", Verdict.DENIED_HOST)
                .replace("SERVER", server.address().getHostAddress() + ":" + server.port());
    }
}
