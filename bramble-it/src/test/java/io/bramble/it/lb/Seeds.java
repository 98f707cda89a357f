package io.bramble.it.lb;

import io.bramble.common.net.HostPort;
import java.nio.file.Path;

/**
 * The seeds' haproxy.cfg files with addresses adapted to this machine: seed 000 appends its
 * sections to Debian's default file; seed 003 edits Oracle Linux's. Only addresses, ports and
 * the errorfile folder differ from what the recipes use.
 */
final class Seeds {
    private Seeds() {
    }

    /** Debian's default global and defaults sections, as the package installs them. */
    static String debianDefault(Path errors) {
        return """
                global
                	log /dev/log	local0
                	log /dev/log	local1 notice
                	chroot /var/lib/haproxy
                	stats socket /run/haproxy/admin.sock mode 660 level admin
                	stats timeout 30s
                	user haproxy
                	group haproxy
                	daemon

                	# Default SSL material locations
                	ca-base /etc/ssl/certs
                	crt-base /etc/ssl/private

                	# See: https://ssl-config.mozilla.org/#server=haproxy&server-version=2.0.3&config=intermediate
                        ssl-default-bind-ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384
                        ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256
                        ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets

                defaults
                	log	global
                	mode	http
                	option	httplog
                	option	dontlognull
                        timeout connect 5000
                        timeout client  50000
                        timeout server  50000
                	errorfile 400 ERRORS/400.http
                	errorfile 403 ERRORS/403.http
                	errorfile 408 ERRORS/408.http
                	errorfile 500 ERRORS/500.http
                	errorfile 502 ERRORS/502.http
                	errorfile 503 ERRORS/503.http
                	errorfile 504 ERRORS/504.http
                """
                .replace("ERRORS", errors.toString());
    }

    /** Seed 000: Debian's file with the recipe's two listen sections appended. */
    static String seed000(Path errors, HostPort stats, HostPort webfarm, HostPort web1,
            HostPort web2) {
        return debianDefault(errors) + """

                listen stats
                  bind STATS
                  stats enable
                  stats hide-version
                  stats uri     /
                  stats realm   HAProxy\\ Statistics
                  stats auth    pi:raspberry

                listen webfarm WEBFARM
                  mode http
                  balance roundrobin
                  option httpclose
                  option httpchk HEAD /lb-check.txt HTTP/1.0
                  server web1 WEB1 check
                  server web2 WEB2 check

                """.replace("STATS", stats.toString()).replace("WEBFARM", webfarm.toString())
                .replace("WEB1", web1.toString()).replace("WEB2", web2.toString());
    }

    /** Seed 000's variant: the recipe's JSESSIONID lines in place of the two servers. */
    static String seed000Cookies(Path errors, HostPort stats, HostPort webfarm, HostPort web1,
            HostPort web2) {
        return seed000(errors, stats, webfarm, web1, web2).replace(
                "  server web1 " + web1 + " check\n",
                "  option cookie JSESSIONID prefix\n  server web1 " + web1
                        + " check cookie web1\n")
                .replace("  server web2 " + web2 + " check\n",
                        "  server web2 " + web2 + " check cookie web2\n");
    }

    /** Seed 003: Oracle Linux's default file edited as the recipe shows. */
    static String seed003(Path pidFile, HostPort front, HostPort metrics, HostPort web1,
            HostPort web2) {
        return """
                global
                    log         127.0.0.1 local2

                    chroot      /var/lib/haproxy
                    pidfile     PIDFILE
                    maxconn     4000
                    user        haproxy
                    group       haproxy
                    daemon

                    # turn on stats unix socket
                    stats socket /var/lib/haproxy/stats

                    # utilize system-wide crypto-policies
                    ssl-default-bind-ciphers PROFILE=SYSTEM
                    ssl-default-server-ciphers PROFILE=SYSTEM

                defaults
                    mode                    http
                    log                     global
                    option                  httplog
                    option                  dontlognull
                    option http-server-close
                    option forwardfor       except 127.0.0.0/8
                    option                  redispatch
                    retries                 3
                    timeout http-request    10s
                    timeout queue           1m
                    timeout connect         10s
                    timeout client          1m
                    timeout server          1m
                    timeout http-keep-alive 10s
                    timeout check           10s
                    maxconn                 3000

                frontend www_app
                    bind FRONT
                    default_backend www_servers

                backend www_servers
                    balance     roundrobin
                    server  web1 WEB1 check
                    server  web2 WEB2 check

                listen metrics
                    bind METRICS
                    stats enable
                    stats uri /stats
                    stats refresh 10s
                    stats show-node
                    stats auth admin:passw0rd
                    stats admin if LOCALHOST
                """.replace("PIDFILE", pidFile.toString()).replace("FRONT", front.toString())
                .replace("METRICS", metrics.toString())
                .replace("WEB1", web1.toString()).replace("WEB2", web2.toString());
    }
}
