package io.bramble.lvs.status;

import io.bramble.lvs.config.Persistence;
import io.bramble.lvs.service.ServiceView;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code ipvsadm -Ln}'s layout: the version line, two title lines, then each service (sorted by
 * protocol, address and port) with its scheduler and persistence, and its servers (sorted by
 * address and port) with their forwarding method ({@code Masq}, {@code Route} or
 * {@code Tunnel}), weight and connection counts. Pure.
 */
public final class IpvsList {
    /** The IPVS version ipvsadm reports for Linux's current IPVS. */
    static final String VERSION = "1.2.1";
    /** The size ipvsadm reports: IPVS's connection hash table, 4096 buckets by default. */
    static final int TABLE_SIZE = 4096;

    private IpvsList() {
    }

    public static String format(List<ServiceView> services) {
        StringBuilder out = new StringBuilder();
        out.append("IP Virtual Server version ").append(VERSION).append(" (size=")
                .append(TABLE_SIZE).append(")\n");
        out.append("Prot LocalAddress:Port Scheduler Flags\n");
        out.append("  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n");
        List<Line> lines = new ArrayList<>();
        for (ServiceView service : services) {
            for (InetSocketAddress address : service.config().addresses()) {
                lines.add(new Line(service, address));
            }
        }
        lines.sort(Comparator.comparing((Line l) -> l.service.config().protocol())
                .thenComparing(l -> l.address, IpvsList::compare));
        for (Line line : lines) {
            appendService(out, line.service, line.address);
        }
        return out.toString();
    }

    private record Line(ServiceView service, InetSocketAddress address) {}

    private static void appendService(StringBuilder out, ServiceView service,
            InetSocketAddress address) {
        out.append(service.config().protocol()).append("  ").append(name(address)).append(' ')
                .append(service.config().scheduler().label());
        service.config().persistence().ifPresent(p -> out.append(persistence(p, address)));
        out.append('\n');
        List<ServiceView.Row> rows = new ArrayList<>(service.rows());
        rows.sort((a, b) -> compare(a.address(), b.address()));
        for (ServiceView.Row row : rows) {
            out.append(String.format("  -> %-28s %-7s %-6d %-10d %-10d%n", name(row.address()),
                    row.method().ipvsadmLabel(), row.weight(), row.activeConnections(),
                    row.inactiveConnections()));
        }
    }

    private static String persistence(Persistence persistence, InetSocketAddress address) {
        String text = " persistent " + persistence.timeout().toSeconds();
        int bits = address.getAddress().getAddress().length * 8;
        if (persistence.prefixBits() >= bits) {
            return text;
        }
        if (address.getAddress() instanceof Inet6Address) {
            return text + " mask " + persistence.prefixBits();
        }
        long mask = 0xffffffffL << (32 - persistence.prefixBits()) & 0xffffffffL;
        return text + " mask " + (mask >>> 24) + "." + (mask >>> 16 & 0xff) + "."
                + (mask >>> 8 & 0xff) + "." + (mask & 0xff);
    }

    /** {@code 10.0.0.1:80}, or {@code [::1]:80}. */
    static String name(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String host = ip.getHostAddress();
        return (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static int compare(InetSocketAddress a, InetSocketAddress b) {
        int byAddress = Arrays.compareUnsigned(a.getAddress().getAddress(),
                b.getAddress().getAddress());
        return byAddress != 0 ? byAddress : Integer.compare(a.getPort(), b.getPort());
    }
}
