package io.bramble.cli.demo;

import io.bramble.common.error.UserError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the demo's site lives: the recipe's addresses (lb1 .101, lb2 .102, web1 .111, web2
 * .112, the virtual address .100) inside one 127.x.y.0/24, which Linux routes to {@code lo}
 * without any setup, and three ports from a base: the site and web servers on the base, the
 * stats pages on base + 800 (the recipe's 8880 by default), VRRP adverts on UDP base + 1.
 *
 * @param net the first three numbers of the addresses, such as {@code 127.0.2}
 * @param basePort the site's port
 */
record DemoLayout(String net, int basePort) {
    static final String NET_DEFAULT = "127.0.2";
    static final int BASE_PORT_DEFAULT = 8080;
    /** Ports below this need root. */
    static final int BASE_PORT_MIN = 1024;
    static final int STATS_OFFSET = 800;
    static final int BASE_PORT_MAX = 65_535 - STATS_OFFSET;
    private static final Pattern NET = Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})");

    /** Checks the options; a usage error says what is wrong. */
    static DemoLayout of(String net, int basePort) {
        checkNet(net);
        if (basePort < BASE_PORT_MIN || basePort > BASE_PORT_MAX) {
            throw UserError.usage("--base-port " + basePort + ": expected " + BASE_PORT_MIN
                    + " to " + BASE_PORT_MAX + " (ports below 1024 need root; the stats pages "
                    + "use the base + " + STATS_OFFSET + ")");
        }
        return new DemoLayout(net, basePort);
    }

    /** Fails with a usage error unless {@code net} is a 127.x.y of numbers up to 255. */
    static void checkNet(String net) {
        Matcher matcher = NET.matcher(net);
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) > 255 || Integer.parseInt(
                matcher.group(2)) > 255) {
            throw UserError.usage("--net '" + net + "': expected the first three numbers of a "
                    + "127.x.y.0/24 such as " + NET_DEFAULT);
        }
    }

    String vip() {
        return net + ".100";
    }

    /** lb1 or lb2's own address. */
    String lb(int number) {
        return net + ".10" + number;
    }

    /** web1 or web2's address. */
    String web(int number) {
        return net + ".11" + number;
    }

    int sitePort() {
        return basePort;
    }

    int statsPort() {
        return basePort + STATS_OFFSET;
    }

    int vrrpPort() {
        return basePort + 1;
    }

    String siteUrl() {
        return "http://" + vip() + ":" + sitePort() + "/";
    }

    String statsUrl(int lb) {
        return "http://" + lb(lb) + ":" + statsPort() + "/";
    }

    String webUrl(int web) {
        return "http://" + web(web) + ":" + sitePort() + "/";
    }
}
