package io.bramble.lvs.route;

import io.bramble.common.net.Cidr;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an address is on a segment of this machine: DR reaches a real server by its MAC, so
 * the director must share a link with it, as IPVS's DR requires.
 */
final class Segments {
    /** One IPv4 subnet of this machine: this machine's address and prefix, on an interface. */
    record Subnet(Cidr subnet, String interfaceName) {
        @Override
        public String toString() {
            return subnet + " on " + interfaceName;
        }
    }

    private Segments() {
    }

    /** Throws, naming the server, unless an interface's IPv4 subnet holds {@code address}. */
    static void requireOnSegment(InetAddress address, String what) throws IOException {
        check(address, what, localSubnets());
    }

    static void check(InetAddress address, String what, List<Subnet> subnets)
            throws IOException {
        for (Subnet subnet : subnets) {
            if (subnet.subnet().contains(address)) {
                return;
            }
        }
        throw new IOException(what + " " + address.getHostAddress() + " is on no segment of "
                + "this machine (DR sends to its MAC, so it must share a link with the "
                + "director; use TUN to reach it through routers); this machine has "
                + (subnets.isEmpty()
                        ? "no IPv4 subnet"
                        : String.join(", ", subnets.stream().map(Subnet::toString).toList())));
    }

    private static List<Subnet> localSubnets() throws IOException {
        List<Subnet> subnets = new ArrayList<>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (nic.isLoopback() || !nic.isUp()) {
                    continue;
                }
                for (InterfaceAddress own : nic.getInterfaceAddresses()) {
                    if (own.getAddress().getAddress().length == 4) {
                        subnets.add(new Subnet(new Cidr(own.getAddress(),
                                own.getNetworkPrefixLength()), nic.getName()));
                    }
                }
            }
        } catch (SocketException e) {
            throw new IOException("listing this machine's interfaces: " + e.getMessage(), e);
        }
        return subnets;
    }
}
