package io.bramble.cluster.heartbeat;

import io.bramble.cluster.agent.AgentName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OCF agents that stand for Heartbeat's resource scripts, and the attribute each of a
 * script's {@code ::} arguments becomes, in the order Heartbeat's wrappers passed them. A
 * script without arguments that is not one of these is a system service, as Heartbeat ran
 * {@code /etc/init.d/NAME}: it becomes {@code service:NAME}, which runs the systemd unit or the
 * init script of that name.
 */
final class LegacyScripts {
    /** An OCF agent and the attributes of the script's arguments, in order. */
    record Translation(AgentName agent, List<String> attributes) {}

    private static final Map<String, List<String>> OCF = Map.of(
            "IPaddr", List.of("ip", "cidr_netmask", "nic", "broadcast"),
            "IPaddr2", List.of("ip", "cidr_netmask", "nic", "broadcast"),
            "Filesystem", List.of("device", "directory", "fstype", "options"),
            "MailTo", List.of("email", "subject"),
            "apache", List.of("configfile"),
            "IPsrcaddr", List.of("ipaddress"),
            "Delay", List.of("startdelay", "stopdelay"),
            "Xinetd", List.of("service"));

    private LegacyScripts() {
    }

    /** The agent and attributes for {@code resource}; fails naming what cannot be brought. */
    static Translation translate(LegacyResource resource) {
        String script = resource.script();
        List<String> names = OCF.get(script);
        if (names == null) {
            if (script.equals("drbddisk")) {
                throw fail(resource, "DRBD runs under Pacemaker as ocf:linbit:drbd, a "
                        + "promotable clone, which bramble does not support");
            }
            if (!resource.arguments().isEmpty()) {
                throw fail(resource, "bramble knows no agent for the Heartbeat script '"
                        + script + "' with arguments; it brings over " + String.join(", ",
                                OCF.keySet().stream().sorted().toList())
                        + ", and system services without arguments");
            }
            try {
                return new Translation(AgentName.parse("service:" + script), List.of());
            } catch (io.bramble.cluster.agent.AgentException e) {
                throw fail(resource, e.getMessage());
            }
        }
        List<String> values = isAddress(script)
                ? List.of(resource.arguments().getFirst().split("/", -1))
                : resource.arguments();
        if (isAddress(script) && resource.arguments().size() != 1) {
            throw fail(resource, script + " takes one argument, ADDRESS[/NETMASK[/INTERFACE["
                    + "/BROADCAST]]]");
        }
        if (values.size() > names.size()) {
            throw fail(resource, script + " takes at most " + names.size() + " arguments ("
                    + String.join(", ", names) + "), got " + values.size());
        }
        List<String> attributes = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                attributes.add(names.get(i) + "=" + values.get(i));
            }
        }
        return new Translation(AgentName.parse("ocf:heartbeat:" + script), attributes);
    }

    private static boolean isAddress(String script) {
        return script.equals("IPaddr") || script.equals("IPaddr2");
    }

    private static HeartbeatException fail(LegacyResource resource, String why) {
        return new HeartbeatException(resource.where().file(), resource.where().line(),
                resource.text() + ": " + why);
    }
}
