package io.bramble.lvs.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.ConfigBlock;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.net.HostPort;
import io.bramble.common.net.IpAddresses;
import io.bramble.vrrp.config.SectionReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code virtual_server} and {@code virtual_server_group} blocks of one
 * keepalived.conf for the VRRP parser, then checks them as a whole into an {@link LvsConfig}.
 */
public final class LvsSections implements SectionReader {
    public static final int VIRTUAL_SERVERS_MAX = 256;
    public static final int GROUPS_MAX = 256;
    private static final String FWMARK = "firewall marks need the kernel's IPVS, which "
            + "bramble's user-space director does not use (docs/lvs.md)";

    private final List<VirtualServerDraft> virtualServers = new ArrayList<>();
    private final Map<String, List<InetSocketAddress>> groups = new LinkedHashMap<>();
    private LvsConfig result = LvsConfig.EMPTY;

    @Override
    public List<String> keywords() {
        return List.of("virtual_server", "virtual_server_group");
    }

    @Override
    public void read(Args args, Diagnostics diagnostics) {
        if (args.keyword().equals("virtual_server")) {
            virtualServer(args, diagnostics);
        } else {
            group(args, diagnostics);
        }
    }

    /** The virtual servers read, once {@link #finish} ran. */
    public LvsConfig result() {
        return result;
    }

    private void virtualServer(Args args, Diagnostics diagnostics) {
        String first = args.next("an address, 'fwmark N' or 'group NAME'");
        VirtualServerDraft draft;
        if (first.equals("fwmark")) {
            throw args.fail("virtual_server fwmark is not supported by bramble: " + FWMARK);
        } else if (first.equals("group")) {
            String name = args.next("a group name");
            args.end();
            draft = new VirtualServerDraft(args.where(), "group " + name, null, name,
                    diagnostics);
        } else {
            InetAddress address = IpAddresses.parseLiteral(first)
                    .orElseThrow(() -> args.unexpected("an IP address", first));
            if (!args.hasNext()) {
                throw args.fail("a virtual server without a port (every port of a persistent "
                        + "service) is not supported by bramble");
            }
            int port = args.port("a port");
            args.end();
            draft = new VirtualServerDraft(args.where(), first + " " + port,
                    new InetSocketAddress(address, port), null, diagnostics);
        }
        if (virtualServers.size() >= VIRTUAL_SERVERS_MAX) {
            throw args.fail("more than " + VIRTUAL_SERVERS_MAX + " virtual servers");
        }
        VirtualServerKeywords.TABLE.dispatchAll(draft, args.block("virtual_server keywords"),
                diagnostics);
        virtualServers.add(draft);
    }

    private void group(Args args, Diagnostics diagnostics) {
        String name = args.next("a group name");
        args.end();
        if (groups.size() >= GROUPS_MAX) {
            throw args.fail("more than " + GROUPS_MAX + " virtual server groups");
        }
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (ConfigBlock entry : args.block("addresses and ports")) {
            groupEntry(entry, addresses, diagnostics);
        }
        if (groups.putIfAbsent(name, addresses) != null) {
            args.error("a virtual_server_group named '" + name + "' is already defined");
        }
    }

    private static void groupEntry(ConfigBlock entry, List<InetSocketAddress> addresses,
            Diagnostics diagnostics) {
        List<String> words = entry.words();
        if (words.getFirst().equals("fwmark")) {
            diagnostics.error(entry.where(), "fwmark", "not supported by bramble: " + FWMARK);
            return;
        }
        Optional<List<InetAddress>> expanded = GroupEntries.expand(words.getFirst());
        Optional<Integer> port = words.size() == 2
                ? HostPort.tryParse("0.0.0.0:"
                        + words.get(1)).map(HostPort::port)
                : Optional.empty();
        if (expanded.isEmpty() || words.size() > 2) {
            diagnostics.error(entry.where(), words.getFirst(), "expected an address or range "
                    + "(at most " + GroupEntries.ADDRESSES_MAX + " addresses) and a port");
        } else if (port.isEmpty()) {
            diagnostics.error(entry.where(), words.getFirst(), "a group entry without a port "
                    + "is not supported by bramble; write ADDRESS PORT");
        } else if (addresses.size() + expanded.get().size() > GroupEntries.ADDRESSES_MAX) {
            diagnostics.error(entry.where(), words.getFirst(), "a group holds at most "
                    + GroupEntries.ADDRESSES_MAX + " addresses");
        } else {
            expanded.get().forEach(a -> addresses.add(new InetSocketAddress(a, port.get())));
        }
    }

    @Override
    public void finish(Diagnostics diagnostics) {
        List<VirtualServerConfig> checked = new ArrayList<>();
        for (VirtualServerDraft draft : virtualServers) {
            VirtualServerChecks.check(draft, groups, diagnostics).ifPresent(checked::add);
        }
        VirtualServerChecks.distinctAddresses(checked, diagnostics);
        result = new LvsConfig(checked);
    }
}
