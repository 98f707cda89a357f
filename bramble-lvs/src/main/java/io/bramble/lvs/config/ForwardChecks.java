package io.bramble.lvs.config;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What the forwarding methods of one virtual server allow. DR and TUN pass the client's
 * packets on unchanged, so, as in IPVS, the real server's port is the virtual one; and since
 * bramble's NAT accepts connections in the director while DR and TUN must keep the director's
 * kernel from answering them, one virtual server does not mix NAT with the others.
 */
final class ForwardChecks {
    private ForwardChecks() {
    }

    static void check(VirtualServerDraft draft, List<InetSocketAddress> addresses,
            List<RealServerConfig> reals, Diagnostics diagnostics) {
        ForwardMethod first = reals.isEmpty() ? draft.method : reals.getFirst().method();
        boolean passing = first.passesPackets();
        for (RealServerConfig real : reals) {
            if (real.method().passesPackets() != passing) {
                diagnostics.error(real.where(), "real_server", mixed(first, real.method()));
            } else if (passing) {
                checkPassing(real.address(), real.method(), addresses, real.where(),
                        diagnostics);
            }
        }
        if (draft.sorryServer == null) {
            return;
        }
        if (draft.method.passesPackets() != passing) {
            diagnostics.error(draft.where, "sorry_server", mixed(first, draft.method)
                    + " (the sorry server is forwarded by the virtual server's lb_kind)");
        } else if (passing && draft.sorryServer.getPort() != 0) {
            checkPassing(draft.sorryServer, draft.method, addresses, draft.where, diagnostics);
        }
    }

    private static String mixed(ForwardMethod first, ForwardMethod other) {
        return "bramble cannot mix NAT with DR or TUN in one virtual server (" + first
                + " and " + other + "): its NAT accepts the connections itself, DR and TUN "
                + "pass the client's packets on";
    }

    private static void checkPassing(InetSocketAddress real, ForwardMethod method,
            List<InetSocketAddress> addresses, Location where,
            Diagnostics diagnostics) {
        if (!(real.getAddress() instanceof Inet4Address)) {
            diagnostics.error(where, "real_server", method + " forwarding to an IPv6 real "
                    + "server is not supported by bramble");
            return;
        }
        for (InetSocketAddress virtual : addresses) {
            if (!(virtual.getAddress() instanceof Inet4Address)) {
                diagnostics.error(where, "real_server", method + " forwarding for the IPv6 "
                        + "virtual address " + virtual.getAddress().getHostAddress()
                        + " is not supported by bramble");
                return;
            }
            if (virtual.getPort() != real.getPort()) {
                diagnostics.error(where, "real_server", "port " + real.getPort() + " of "
                        + method + " real server " + real.getAddress().getHostAddress()
                        + " differs from the virtual port " + virtual.getPort() + ": IPVS "
                        + "cannot change the port of a routed or tunnelled packet");
                return;
            }
        }
    }
}
