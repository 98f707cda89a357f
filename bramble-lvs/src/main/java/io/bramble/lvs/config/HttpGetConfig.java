package io.bramble.lvs.config;

import io.bramble.common.config.Location;
import java.util.List;

/**
 * {@code HTTP_GET} or {@code SSL_GET}: each url is fetched and must answer one of its status
 * codes and, when a digest is set, a body with that MD5.
 *
 * @param tls true for {@code SSL_GET}
 * @param protocol the request line's version and its Connection header: 1.0, 1.0C or 1.1
 * @param sni with {@code enable_sni}, the virtual host is sent as TLS server name
 */
public record HttpGetConfig(Location where, CheckTiming timing, CheckTarget target,
        boolean tls, String protocol, List<UrlCheck> urls, boolean sni)
        implements
            CheckConfig {
    public HttpGetConfig {
        urls = List.copyOf(urls);
    }

    @Override
    public String kind() {
        return tls ? "SSL_GET" : "HTTP_GET";
    }
}
