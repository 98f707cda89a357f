package io.bramble.vrrp.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.ConfigBlock;
import io.bramble.common.config.ConfigError;
import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.KeywordTable;
import io.bramble.common.net.Cidr;
import io.bramble.common.net.IpAddresses;
import io.bramble.vrrp.core.InstanceSettings;
import io.bramble.vrrp.core.TrackedObject;
import io.bramble.vrrp.wire.VrrpPacket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/** The keywords of {@code vrrp_instance} and of the blocks inside it. */
final class InstanceKeywords {
    static final Duration ADVERT_INT_MIN = Duration.ofMillis(10);
    static final Duration ADVERT_INT_MAX = Duration.ofSeconds(255);
    static final int GARP_REPEAT_MAX = 100;
    static final int PEERS_MAX = 64;

    /** Real keepalived instance keywords bramble does not implement. */
    private static final String[] UNSUPPORTED = {"mcast_dst_ip", "use_vmac", "vmac_xmit_base",
            "use_vmac_addr", "use_ipvlan", "native_ipv6", "no_accept", "track_process",
            "track_file", "track_bfd", "track_src_ip", "virtual_routes", "virtual_rules",
            "virtual_ipaddress_excluded", "unicast_ttl", "unicast_fault_no_peer",
            "old_unicast_checksum", "garp_master_refresh", "garp_master_refresh_repeat",
            "garp_lower_prio_delay", "garp_lower_prio_repeat", "garp_extra_if",
            "lower_prio_no_advert", "higher_prio_send_advert", "down_timer_adverts",
            "kernel_rx_buf_size", "linkbeat_use_polling", "notify_deleted",
            "notify_master_rx_lower_pri", "notify_priority_changes", "promote_secondaries",
            "vrf", "lvs_sync_daemon_interface"};

    private static final KeywordTable<InstanceDraft> AUTHENTICATION = new KeywordTable<>(
            "authentication");

    static final KeywordTable<InstanceDraft> TABLE = table();

    static {
        AUTHENTICATION.keyword("auth_type", (i, a) -> {
            i.authType = a.choice("an authentication type", "PASS", "AH");
            i.authWhere = a.where();
            a.end();
            if (i.authType.equals("AH")) {
                throw a.fail("AH authentication is not supported by bramble; use "
                        + "PASS, or none");
            }
        })
                .keyword("auth_pass", (i, a) -> {
                    String password = a.next("a password");
                    a.end();
                    if (password.length() > VrrpPacket.PASSWORD_BYTES_MAX) {
                        a.warning("only the first 8 characters are used, as in keepalived");
                        password = password.substring(0, VrrpPacket.PASSWORD_BYTES_MAX);
                    }
                    if (!password.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                        throw a.fail("a password is printable ASCII");
                    }
                    i.password = password;
                });
    }

    private InstanceKeywords() {
    }

    private static KeywordTable<InstanceDraft> table() {
        KeywordTable<InstanceDraft> table = new KeywordTable<InstanceDraft>("vrrp_instance")
                .keyword("state", (i, a) -> {
                    i.state = Readers.state(a);
                    i.stateWhere = a.where();
                    a.end();
                })
                .keyword("interface", (i, a) -> {
                    i.interfaceSeen = true;
                    i.interfaceName = Readers.interfaceName(a);
                    a.end();
                })
                .keyword("virtual_router_id", (i, a) -> {
                    i.virtualRouterIdSeen = true;
                    i.virtualRouterId = a.integer("a virtual router id", 1, 255);
                    a.end();
                })
                .keyword("priority", (i, a) -> {
                    i.priority = a.integer("a priority", 1, InstanceSettings.PRIORITY_OWNER);
                    a.end();
                })
                .keyword("advert_int", (i, a) -> {
                    i.advertIntervalMs = Readers.millis(a, "seconds between adverts",
                            ADVERT_INT_MIN, ADVERT_INT_MAX);
                    i.advertWhere = a.where();
                    a.end();
                })
                .keyword("version", (i, a) -> {
                    i.version = Readers.version(a);
                    a.end();
                })
                .keyword("nopreempt", (i, a) -> {
                    a.end();
                    i.nopreempt = true;
                    i.nopreemptWhere = a.where();
                })
                .keyword("preempt", (i, a) -> {
                    a.end();
                    i.nopreempt = false;
                })
                .keyword("preempt_delay", (i, a) -> {
                    i.preemptDelayMs = Readers.millis(a, "seconds", Duration.ZERO, Duration
                            .ofMillis(InstanceSettings.PREEMPT_DELAY_MS_MAX));
                    i.preemptDelayWhere = a.where();
                    a.end();
                })
                .keyword("authentication", (i, a) -> {
                    a.end();
                    AUTHENTICATION.dispatchAll(i, a.block("auth_type and auth_pass"),
                            i.diagnostics);
                })
                .keyword("virtual_ipaddress", InstanceKeywords::virtualAddresses)
                .keyword("unicast_src_ip", (i, a) -> {
                    i.sourceAddress = Readers.ipv4(a, "this node's address");
                    a.end();
                })
                .keyword("mcast_src_ip", (i, a) -> {
                    i.sourceAddress = Readers.ipv4(a, "this node's address");
                    a.end();
                })
                .keyword("unicast_peer", InstanceKeywords::unicastPeers)
                .keyword("track_script", InstanceKeywords::trackScripts)
                .keyword("track_interface", InstanceKeywords::trackInterfaces)
                .keyword("dont_track_primary", (i, a) -> {
                    a.end();
                    i.trackOwnInterface = false;
                })
                .keyword("notify_master", (i, a) -> i.notifyMaster = Readers.notifyScript(
                        i.notifyMaster, a))
                .keyword("notify_backup", (i, a) -> i.notifyBackup = Readers.notifyScript(
                        i.notifyBackup, a))
                .keyword("notify_fault", (i, a) -> i.notifyFault = Readers.notifyScript(
                        i.notifyFault, a))
                .keyword("notify_stop", (i, a) -> i.notifyStop = Readers.notifyScript(
                        i.notifyStop, a))
                .keyword("notify", (i, a) -> i.notifyAny = Readers.notifyScript(
                        i.notifyAny, a))
                .keyword("garp_master_delay", (i, a) -> {
                    i.garpMasterDelayMs = Readers.millis(a, "seconds", Duration.ZERO,
                            Duration.ofHours(1));
                    a.end();
                })
                .keyword("garp_master_repeat", (i, a) -> {
                    i.garpMasterRepeat = a.integer("gratuitous ARPs per set", 1,
                            GARP_REPEAT_MAX);
                    a.end();
                })
                // Accept mode (answering on the virtual address) is what bramble always does.
                .keyword("accept", (i, a) -> a.end())
                // bramble never checks the addresses listed in adverts.
                .keyword("skip_check_adv_addr", (i, a) -> a.rest())
                // With unicast peers, adverts from other sources are always dropped.
                .keyword("check_unicast_src", (i, a) -> a.end())
                .warnOnly("strict_mode", "bramble installs no firewall rules (no_accept); its "
                        + "protocol checks are always strict")
                .warnOnly("smtp_alert", "bramble sends no mail; use notify scripts to alert")
                .warnOnly("debug", "bramble logs state changes; use --debug for more");
        for (String keyword : UNSUPPORTED) {
            table.unsupported(keyword, "");
        }
        return table;
    }

    /** {@code ADDR[/LEN] [dev IF] [label LABEL]} per line. */
    private static void virtualAddresses(InstanceDraft instance, Args args) {
        args.end();
        for (ConfigBlock line : args.block("virtual addresses")) {
            try {
                VirtualAddress address = virtualAddress(line);
                if (instance.addresses.size() >= VrrpPacket.ADDRESSES_MAX) {
                    throw new ConfigError("more than " + VrrpPacket.ADDRESSES_MAX
                            + " virtual addresses in one instance");
                }
                instance.addresses.add(address);
            } catch (ConfigError e) {
                instance.diagnostics.error(line.where(), "virtual_ipaddress", e.getMessage());
            }
        }
    }

    /** A virtual address takes a prefix length after the slash, not a netmask. */
    private static boolean isNetmaskForm(String text) {
        int slash = text.indexOf('/');
        return slash >= 0 && !text.substring(slash + 1).chars().allMatch(Character::isDigit);
    }

    private static VirtualAddress virtualAddress(ConfigBlock line) {
        if (line.hasBlock()) {
            throw new ConfigError("unexpected { } block after " + line.keyword());
        }
        String text = line.keyword();
        Optional<Cidr> cidr = Cidr.tryParse(text);
        if (cidr.isEmpty() || isNetmaskForm(text)) {
            throw new ConfigError("expected ADDRESS[/LENGTH] such as 192.168.2.100 or "
                    + "10.0.0.1/24, got " + Args.quote(text));
        }
        if (!(cidr.get().address() instanceof Inet4Address ipv4)) {
            throw new ConfigError("IPv6 virtual addresses are not supported by bramble yet");
        }
        String device = "";
        String label = "";
        for (int i = 1; i < line.words().size(); i++) {
            String option = line.words().get(i);
            if (i + 1 >= line.words().size() && (option.equals("dev")
                    || option.equals("label"))) {
                throw new ConfigError("expected a value after '" + option + "'");
            }
            switch (option) {
                case "dev" -> device = line.words().get(++i);
                case "label" -> label = line.words().get(++i);
                case "brd", "broadcast", "scope", "home", "nodad", "noprefixroute",
                        "autojoin", "track_group", "no_track", "preferred_lft", "-" ->
                    throw new ConfigError("virtual address option '" + option
                            + "' is not supported by bramble");
                default -> throw new ConfigError("unknown virtual address option "
                        + Args.quote(option) + "; bramble reads dev and label");
            }
        }
        return new VirtualAddress(ipv4, cidr.get().prefixLength(), device, label);
    }

    private static void unicastPeers(InstanceDraft instance, Args args) {
        args.end();
        for (ConfigBlock line : args.block("peer addresses")) {
            Optional<InetAddress> peer = IpAddresses.parseLiteral(line.keyword());
            if (line.words().size() > 1 || line.hasBlock()) {
                error(instance.diagnostics, line, "min_ttl and max_ttl are not supported by "
                        + "bramble; expected one address per line");
            } else if (peer.isEmpty() || !(peer.get() instanceof Inet4Address ipv4)) {
                error(instance.diagnostics, line, "expected an IPv4 address, got "
                        + Args.quote(line.keyword()));
            } else if (instance.unicastPeers.size() >= PEERS_MAX) {
                error(instance.diagnostics, line, "more than " + PEERS_MAX + " peers");
            } else {
                instance.unicastPeers.add(ipv4);
            }
        }
    }

    /** {@code NAME [weight W] [reverse]} per line. */
    private static void trackScripts(InstanceDraft instance, Args args) {
        args.end();
        for (ConfigBlock line : args.block("script names")) {
            Args entry = new Args(line.line(), 1, instance.diagnostics);
            try {
                int[] weight = Readers.weight(entry, -ScriptKeywords.WEIGHT_MAX,
                        ScriptKeywords.WEIGHT_MAX);
                instance.scripts.add(new TrackedScript(line.keyword(), weight[0],
                        weight[1] == 1));
                instance.scriptWeighted.add(weight[2] == 1);
                instance.scriptWheres.add(line.where());
            } catch (ConfigError e) {
                error(instance.diagnostics, line, e.getMessage());
            }
        }
    }

    /** {@code IF [weight W]} per line. */
    private static void trackInterfaces(InstanceDraft instance, Args args) {
        args.end();
        for (ConfigBlock line : args.block("interface names")) {
            Args entry = new Args(line.line(), 1, instance.diagnostics);
            try {
                int[] weight = Readers.weight(entry, -TrackedObject.WEIGHT_MAX,
                        TrackedObject.WEIGHT_MAX);
                if (weight[1] == 1) {
                    throw new ConfigError("'reverse' for interfaces is not supported by "
                            + "bramble");
                }
                instance.interfaces.add(new TrackedInterface(line.keyword(), weight[0]));
            } catch (ConfigError e) {
                error(instance.diagnostics, line, e.getMessage());
            }
        }
    }

    private static void error(Diagnostics diagnostics, ConfigBlock line, String message) {
        diagnostics.error(line.where(), line.keyword(), message);
    }
}
