package io.bramble.lvs.route;

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
    /** One IPv4 subnet of this machine: its address and prefix, on an interface. */
    record Subnet(InetAddress address, int prefixBits, String interfaceName) {
        @Override
        public String toString() {
            return address.getHostAddress() + "/" + prefixBits + " on " + interfaceName;
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
            if (sameSubnet(subnet.address(), address, subnet.prefixBits())) {
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
                        subnets.add(new Subnet(own.getAddress(), own.getNetworkPrefixLength(),
                                nic.getName()));
                    }
                }
            }
        } catch (SocketException e) {
            throw new IOException("listing this machine's interfaces: " + e.getMessage(), e);
        }
        return subnets;
    }

    /** Whether {@code a} and {@code b} share their first {@code prefixBits} bits. */
    static boolean sameSubnet(InetAddress a, InetAddress b, int prefixBits) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return false;
        }
        for (int bit = 0; bit < prefixBits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((x[bit / 8] & mask) != (y[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
