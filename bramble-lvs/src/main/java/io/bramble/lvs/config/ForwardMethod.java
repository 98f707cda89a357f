package io.bramble.lvs.config;

/**
 * How the director hands a connection to a real server ({@code lb_kind}, {@code lvs_method}),
 * with the word {@code ipvsadm -Ln} prints for it.
 */
public enum ForwardMethod {
    /** The director accepts the connection and opens its own to the real server. */
    NAT("Masq"),
    /** The client's packets go on unchanged to the real server's MAC on the same segment. */
    DR("Route"),
    /** The client's packets go on inside IP-in-IP packets to the real server. */
    TUN("Tunnel");

    private final String ipvsadmLabel;

    ForwardMethod(String ipvsadmLabel) {
        this.ipvsadmLabel = ipvsadmLabel;
    }

    /** {@code Masq}, {@code Route} or {@code Tunnel}. */
    public String ipvsadmLabel() {
        return ipvsadmLabel;
    }

    /** DR and TUN pass the client's own packets on; the real server answers the client. */
    public boolean passesPackets() {
        return this != NAT;
    }
}
