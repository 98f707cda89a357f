package io.bramble.vrrp.config;

import java.net.InetAddress;
import java.util.List;

/** A config model as text, one fact per line, for expected-output files. */
final class ConfigDump {
    private ConfigDump() {
    }

    static String dump(VrrpConfig config) {
        StringBuilder out = new StringBuilder();
        GlobalDefs g = config.global();
        out.append("global_defs router_id=").append(g.routerId()).append(" version=")
                .append(g.version().number()).append(" script_security=")
                .append(g.scriptSecurity()).append(" script_user=").append(g.scriptUser())
                .append(':').append(g.scriptGroup()).append(" garp_delay=")
                .append(g.garpMasterDelayMs()).append("ms garp_repeat=")
                .append(g.garpMasterRepeat()).append(" garp_interval=")
                .append(g.garpIntervalMs()).append("ms\n");
        for (ScriptConfig s : config.scripts()) {
            out.append("vrrp_script ").append(s.name()).append(' ').append(s.command())
                    .append(" interval=").append(s.intervalMs()).append("ms timeout=")
                    .append(s.timeoutMs()).append("ms weight=").append(s.weight())
                    .append(s.reverse() ? " reverse" : "").append(" rise=").append(s.rise())
                    .append(" fall=").append(s.fall()).append(" user=").append(s.user())
                    .append(s.initFail() ? " init_fail" : "").append('\n');
        }
        for (InstanceConfig i : config.instances()) {
            instance(i, out);
        }
        for (SyncGroupConfig group : config.syncGroups()) {
            out.append("vrrp_sync_group ").append(group.name()).append(' ')
                    .append(group.instances()).append('\n');
            notify(group.notifyScripts(), out);
        }
        return out.toString();
    }

    private static void instance(InstanceConfig i, StringBuilder out) {
        out.append("vrrp_instance ").append(i.name()).append(" state=").append(i.state())
                .append(" interface=").append(i.interfaceName()).append(" vrid=")
                .append(i.virtualRouterId()).append(" priority=").append(i.priority())
                .append(" version=").append(i.version().number()).append(" advert=")
                .append(i.advertIntervalMs()).append("ms ")
                .append(i.preempt() ? "preempt" : "nopreempt").append(" preempt_delay=")
                .append(i.preemptDelayMs()).append("ms garp=").append(i.garpMasterRepeat())
                .append('/').append(i.garpMasterDelayMs()).append("ms\n");
        if (!i.password().isEmpty()) {
            out.append("  auth PASS ").append(i.password()).append('\n');
        }
        for (VirtualAddress address : i.addresses()) {
            out.append("  vip ").append(address).append('\n');
        }
        i.sourceAddress().ifPresent(a -> out.append("  source ").append(a.getHostAddress())
                .append('\n'));
        if (i.unicast()) {
            out.append("  unicast_peer ").append(addresses(i.unicastPeers())).append('\n');
        }
        for (TrackedScript script : i.scripts()) {
            out.append("  track_script ").append(script.name()).append(" weight=")
                    .append(script.weight()).append(script.reverse() ? " reverse" : "")
                    .append('\n');
        }
        for (TrackedInterface tracked : i.interfaces()) {
            out.append("  track_interface ").append(tracked.name()).append(" weight=")
                    .append(tracked.weight()).append('\n');
        }
        if (!i.trackOwnInterface()) {
            out.append("  dont_track_primary\n");
        }
        notify(i.notifyScripts(), out);
    }

    private static void notify(NotifyScripts scripts, StringBuilder out) {
        line("notify_master", scripts.master(), out);
        line("notify_backup", scripts.backup(), out);
        line("notify_fault", scripts.fault(), out);
        line("notify_stop", scripts.stop(), out);
        line("notify", scripts.any(), out);
    }

    private static void line(String name, Command command, StringBuilder out) {
        if (!command.isEmpty()) {
            out.append("  ").append(name).append(' ').append(command).append('\n');
        }
    }

    private static String addresses(List<? extends InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).toList().toString();
    }
}
