package io.bramble.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of the recipe, written for this machine: each web server's page (the recipe's
 * {@code <html><body>web1</body></html>}) and check file, and for each balancer its
 * haproxy.cfg (the recipe's two sections) and keepalived.conf (the recipe's instance, with
 * the unicast addresses the loopback backend needs).
 */
final class DemoFiles {
    /** The stats page's user and password, as in the recipe. */
    static final String STATS_USER = "pi";
    static final String STATS_PASSWORD = "raspberry";
    /** The header that names the balancer that answered. */
    static final String LB_HEADER = "X-Load-Balancer";

    private DemoFiles() {
    }

    /** Writes everything under {@code dir}: web1/, web2/, lb1/ and lb2/. */
    static void write(Path dir, DemoLayout layout) throws IOException {
        for (int web = 1; web <= 2; web++) {
            Path root = webRoot(dir, web);
            Files.createDirectories(root);
            Files.writeString(root.resolve("index.html"), "<html><body>web" + web
                    + "</body></html>\n");
            Files.writeString(root.resolve("lb-check.txt"), "");
        }
        for (int lb = 1; lb <= 2; lb++) {
            Files.createDirectories(dir.resolve("lb" + lb));
            Files.writeString(haproxyCfg(dir, lb), haproxyCfg(layout, lb));
            Files.writeString(keepalivedConf(dir, lb), keepalivedConf(layout, lb));
        }
    }

    static Path webRoot(Path dir, int web) {
        return dir.resolve("web" + web);
    }

    static Path haproxyCfg(Path dir, int lb) {
        return dir.resolve("lb" + lb).resolve("haproxy.cfg");
    }

    static Path keepalivedConf(Path dir, int lb) {
        return dir.resolve("lb" + lb).resolve("keepalived.conf");
    }

    static String haproxyCfg(DemoLayout layout, int lb) {
        return """
                # The recipe's sections, with this machine's addresses. One line is added:
                # http-response set-header, so that the demo can tell which balancer answered.
                defaults
                  mode http
                  timeout connect 5000
                  timeout client  50000
                  timeout server  50000

                listen stats
                  bind LB:STATS
                  stats enable
                  stats hide-version
                  stats uri     /
                  stats realm   HAProxy\\ Statistics
                  stats auth    USER:PASSWORD

                listen webfarm VIP:PORT
                  mode http
                  balance roundrobin
                  option httpclose
                  option httpchk HEAD /lb-check.txt HTTP/1.0
                  http-response set-header HEADER NAME
                  server web1 WEB1:PORT check
                  server web2 WEB2:PORT check
                """.replace("LB:", layout.lb(lb) + ":").replace("STATS", Integer.toString(
                layout.statsPort())).replace("USER", STATS_USER).replace("PASSWORD",
                        STATS_PASSWORD)
                .replace("VIP", layout.vip()).replace("PORT", Integer
                        .toString(layout.sitePort()))
                .replace("HEADER", LB_HEADER)
                .replace("NAME", "lb" + lb).replace("WEB1", layout.web(1)).replace("WEB2",
                        layout.web(2));
    }

    static String keepalivedConf(DemoLayout layout, int lb) {
        return """
                # The recipe's instance. Its vrrp_script chk_haproxy is not needed: the
                # balancer runs in the same process and keeps this node from holding the
                # address while it has no healthy web server. On one machine the adverts go
                # from this balancer's address to the other's (unicast).
                # Both balancers are bramble, so they take its fast VRRP 3 (an advert every
                # 0.1 s), written out; a stock keepalived would need 'vrrp_version 2'.
                global_defs
                {
                        vrrp_version 3
                }

                vrrp_instance VI_1
                {
                        interface lo
                        state MASTER
                        virtual_router_id 51

                        priority PRIORITY

                        unicast_src_ip SELF
                        unicast_peer
                        {
                            PEER
                        }

                        virtual_ipaddress
                        {
                            VIP
                        }
                }
                """.replace("PRIORITY", Integer.toString(lb == 1 ? 101 : 100)).replace("SELF",
                layout.lb(lb)).replace("PEER", layout.lb(3 - lb)).replace("VIP", layout.vip());
    }
}
