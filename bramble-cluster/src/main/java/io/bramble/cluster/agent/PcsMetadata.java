package io.bramble.cluster.agent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An agent's meta-data as pcs presents and checks it: the heartbeat and pacemaker agents get
 * the {@code trace_ra} and {@code trace_file} parameters that their shell functions read;
 * a fence agent loses its interactive-only parameters ({@code help}, {@code version}), its
 * {@code action} becomes deprecated and its {@code port} (filled in per target) optional, and
 * it gains the fencer's parameters that bramble honours.
 */
public final class PcsMetadata {
    /** The fencer's own parameters bramble applies when it picks a device's target. */
    static final List<AgentParameter> FENCER_PARAMETERS = List.of(
            AgentParameter.optional("pcmk_host_map",
                    "A mapping of node names to port numbers for devices that do not "
                            + "support node names.",
                    "For example, node1:1;node2:2,3 would tell the cluster to use port 1 "
                            + "for node1 and ports 2 and 3 for node2"),
            AgentParameter.optional("pcmk_host_list",
                    "Nodes targeted by this device",
                    "Comma-separated list of nodes that can be targeted by this device"),
            AgentParameter.advancedString("pcmk_host_argument", "string", "port",
                    "Name of agent parameter that should be set to the fencing target",
                    "If the fencing agent metadata advertises support for the \"port\" or "
                            + "\"plug\" parameter, that will be used."));

    private PcsMetadata() {
    }

    public static AgentMetadata of(AgentMetadata raw) {
        AgentName name = raw.name();
        List<AgentParameter> parameters = new ArrayList<>(raw.parameters());
        if (name.isStonith()) {
            parameters = stonith(parameters);
        }
        if (name.standard().equals(AgentName.OCF) && name.provider().isPresent()
                && Set.of("heartbeat", "pacemaker").contains(name.provider().get())) {
            addTrace(parameters);
        }
        return new AgentMetadata(name, raw.ocfVersion(), raw.shortdesc(), raw.longdesc(),
                parameters, raw.actions());
    }

    private static void addTrace(List<AgentParameter> parameters) {
        Set<String> present = new HashSet<>();
        parameters.forEach(p -> present.add(p.name().toLowerCase(java.util.Locale.ROOT)));
        if (!present.contains("trace_ra")) {
            String shortdesc = "Set to 1 to turn on resource agent tracing (expect large "
                    + "output)";
            parameters.add(AgentParameter.advancedString("trace_ra", "integer", "0", shortdesc,
                    shortdesc + " The trace output will be saved to trace_file, if set, or by "
                            + "default to $HA_VARRUN/ra_trace/<type>/<id>.<action>.<timestamp>"
                            + " e.g. $HA_VARRUN/ra_trace/oracle/"
                            + "db.start.2012-11-27.08:37:08"));
        }
        if (!present.contains("trace_file")) {
            String shortdesc = "Path to a file to store resource agent tracing log";
            parameters.add(AgentParameter.advancedString("trace_file", "string", "", shortdesc,
                    shortdesc));
        }
    }

    private static List<AgentParameter> stonith(List<AgentParameter> raw) {
        Set<String> portLike = new HashSet<>();
        List<String> next = new ArrayList<>(List.of("port"));
        while (!next.isEmpty()) {
            String current = next.removeLast();
            if (portLike.add(current)) {
                raw.stream().filter(p -> p.name().equals(current))
                        .forEach(p -> next.addAll(p.deprecatedBy()));
            }
        }
        List<AgentParameter> kept = new ArrayList<>();
        for (AgentParameter p : raw) {
            if (p.name().equals("help") || p.name().equals("version")) {
                continue;
            }
            if (p.name().equals("action")) {
                List<String> by = new ArrayList<>(List.of("pcmk_off_action",
                        "pcmk_reboot_action"));
                by.addAll(p.deprecatedBy());
                p = new AgentParameter(p.name(), false, p.uniqueGroup(), true, true, by,
                        p.type(), p.defaultValue(), p.shortdesc(), p.longdesc());
            } else if (portLike.contains(p.name())) {
                p = new AgentParameter(p.name(), false, p.uniqueGroup(), p.advanced(),
                        p.deprecated(), p.deprecatedBy(), p.type(), p.defaultValue(),
                        p.shortdesc(), p.longdesc());
            }
            kept.add(p);
        }
        Set<String> names = new HashSet<>();
        kept.forEach(p -> names.add(p.name()));
        FENCER_PARAMETERS.stream().filter(p -> !names.contains(p.name())).forEach(kept::add);
        return kept;
    }
}
