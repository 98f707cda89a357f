package io.bramble.pool.node;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Every way this node can be named: its own name, its host name, {@code localhost}, and the
 * addresses it listens on (all of this machine's when it listens on all). A probe of any of
 * them, on this node's port, is a probe of itself.
 */
public final class SelfNames {
    private final List<String> names = new ArrayList<>();
    private final List<InetAddress> addresses = new ArrayList<>();
    private final boolean allAddresses;

    public SelfNames(String name, String listenHost, boolean allAddresses) {
        this.allAddresses = allAddresses;
        names.add(name.toLowerCase(Locale.ROOT));
        names.add(hostName().toLowerCase(Locale.ROOT));
        names.add("localhost");
        if (allAddresses) {
            try {
                for (NetworkInterface nic : Collections.list(
                        NetworkInterface.getNetworkInterfaces())) {
                    addresses.addAll(Collections.list(nic.getInetAddresses()));
                }
            } catch (SocketException e) {
                // no interfaces listed: loopback addresses still count below
            }
        } else {
            try {
                addresses.add(InetAddress.getByName(listenHost));
            } catch (UnknownHostException e) {
                // listenHost was resolved at bind time; cannot happen
            }
        }
    }

    /** The machine's host name, or {@code localhost} when it has none. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Whether {@code host} (as typed) names this node. */
    public boolean isName(String host) {
        return names.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code address} reaches this node's listener. */
    public boolean isAddress(InetAddress address) {
        if (allAddresses && (address.isLoopbackAddress() || address.isAnyLocalAddress())) {
            return true;
        }
        return addresses.contains(address);
    }

    /** This node's addresses, for its certificate. */
    public List<String> addressTexts() {
        return addresses.stream().map(InetAddress::getHostAddress).toList();
    }
}
