package io.bramble.it.site;

import io.bramble.common.net.HostPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The seed 000 recipe's files with addresses adapted: a web root per server whose page names
 * it, the recipe's {@code listen stats} and {@code listen webfarm} sections, and its
 * keepalived.conf. One line is added to the webfarm section, {@code http-response set-header
 * X-Load-Balancer NAME}, so that a client can tell which balancer answered.
 */
final class SiteFiles {
    /** The header naming the balancer that answered. */
    static final String LB_HEADER = "X-Load-Balancer";

    private SiteFiles() {
    }

    /** A web root whose index page is the recipe's {@code <html><body>NAME</body></html>}. */
    static Path webRoot(Path dir, String name) {
        Path root = dir.resolve("www-" + name);
        write(root.resolve("index.html"), "<html><body>" + name + "</body></html>\n");
        write(root.resolve("lb-check.txt"), "");
        return root;
    }

    /**
     * The haproxy.cfg of balancer {@code name}: the recipe's two sections, with
     * {@code servers} (name to address, in order) in the webfarm.
     */
    static String haproxyCfg(String name, HostPort stats, HostPort webfarm,
            Map<String, HostPort> servers) {
        String serverLines = servers.entrySet().stream().map(s -> "  server " + s.getKey()
                + " " + s.getValue() + " check\n").collect(Collectors.joining());
        return """
                defaults
                  mode http
                  timeout connect 5000
                  timeout client  50000
                  timeout server  50000

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
                  http-response set-header HEADER NAME
                SERVERS
                """.replace("STATS", stats.toString()).replace("WEBFARM", webfarm.toString())
                .replace("HEADER", LB_HEADER).replace("NAME", name)
                .replace("SERVERS\n", serverLines);
    }

    /**
     * The recipe's keepalived.conf for one balancer on {@code interfaceName}; with
     * {@code unicastSource} set, the adverts go to {@code unicastPeer} alone (the loopback
     * backend needs that).
     */
    static String keepalivedConf(String interfaceName, int priority, String vip,
            String unicastSource, String unicastPeer) {
        String unicast = unicastSource == null
                ? ""
                : "        unicast_src_ip " + unicastSource + "\n        unicast_peer {\n"
                        + "            " + unicastPeer + "\n        }\n";
        return """
                vrrp_instance VI_1
                {
                        interface IFACE
                        state MASTER
                        virtual_router_id 51

                        priority PRIORITY
                UNICAST
                        virtual_ipaddress
                        {
                            VIP
                        }
                }
                """.replace("IFACE", interfaceName).replace("PRIORITY", Integer.toString(
                priority)).replace("UNICAST\n", unicast).replace("VIP", vip);
    }

    /**
     * The recipe's keepalived.conf word for word but for the interface, the priority and the
     * address: its track script looks for a haproxy process, which fails on every node alike
     * here (bramble's balancer is this very process), so it weighs on none.
     */
    static String seedKeepalivedConf(String interfaceName, int priority, String vip) {
        return """
                vrrp_script chk_haproxy
                {
                        script "killall -0 haproxy"
                        interval 2
                        weight 2
                }

                vrrp_instance VI_1
                {
                        interface IFACE
                        state MASTER
                        virtual_router_id 51

                        priority PRIORITY

                        virtual_ipaddress
                        {
                            VIP
                        }

                        track_script
                        {
                            chk_haproxy
                        }
                }
                """.replace("IFACE", interfaceName).replace("PRIORITY", Integer.toString(
                priority)).replace("VIP", vip);
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
