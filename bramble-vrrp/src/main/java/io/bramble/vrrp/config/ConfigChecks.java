package io.bramble.vrrp.config;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import io.bramble.vrrp.config.KeepalivedConfigParser.ConfigDraft;
import io.bramble.vrrp.core.VrrpVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies defaults and checks what spans blocks: required keywords, advert intervals against
 * the version, scripts and instances named elsewhere, router ids used twice, sync groups.
 */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static VrrpConfig check(ConfigDraft draft) {
        GlobalDefs global = draft.global.freeze();
        Map<String, ScriptConfig> scripts = scripts(draft);
        Map<String, String> groupOf = groupMembers(draft);
        List<InstanceConfig> instances = new ArrayList<>();
        Map<String, String> routerIds = new HashMap<>();
        for (InstanceDraft instance : draft.instances) {
            Optional<InstanceConfig> checked = instance(instance, global,
                    draft.global.version != null, scripts, groupOf.containsKey(instance.name));
            checked.ifPresent(config -> {
                String key = config.interfaceName() + "/" + config.virtualRouterId() + "/"
                        + config.unicastPeers();
                String other = routerIds.putIfAbsent(key, config.name());
                if (other != null) {
                    draft.diagnostics.error(instance.where, "vrrp_instance", config.name()
                            + ": virtual_router_id " + config.virtualRouterId() + " on "
                            + config.interfaceName() + " is already used by " + other);
                }
                instances.add(config);
            });
        }
        List<String> names = new ArrayList<>();
        for (InstanceDraft instance : draft.instances) {
            if (names.contains(instance.name)) {
                draft.diagnostics.error(instance.where, "vrrp_instance", "an instance named "
                        + instance.name + " is already defined");
            }
            names.add(instance.name);
        }
        List<SyncGroupConfig> groups = draft.syncGroups.stream().map(SyncGroupDraft::freeze)
                .toList();
        return new VrrpConfig(global, List.copyOf(scripts.values()), instances, groups,
                List.of());
    }

    private static Map<String, ScriptConfig> scripts(ConfigDraft draft) {
        Map<String, ScriptConfig> scripts = new LinkedHashMap<>();
        for (ScriptDraft script : draft.scripts) {
            if (scripts.containsKey(script.name)) {
                draft.diagnostics.error(script.where, "vrrp_script", "a script named "
                        + script.name + " is already defined");
                continue;
            }
            scripts.put(script.name, script.freeze());
        }
        return scripts;
    }

    /** Instance name to group name; errors for unknown names and instances in two groups. */
    private static Map<String, String> groupMembers(ConfigDraft draft) {
        List<String> defined = draft.instances.stream().map(i -> i.name).toList();
        Map<String, String> groupOf = new HashMap<>();
        for (SyncGroupDraft group : draft.syncGroups) {
            for (int i = 0; i < group.instances.size(); i++) {
                String member = group.instances.get(i);
                Location where = group.instanceWheres.get(i);
                if (!defined.contains(member)) {
                    draft.diagnostics.error(where, member, "sync group " + group.name
                            + " names an instance that is not defined");
                } else if (groupOf.putIfAbsent(member, group.name) != null) {
                    draft.diagnostics.error(where, member, "instance " + member
                            + " is already in sync group " + groupOf.get(member));
                }
            }
        }
        return groupOf;
    }

    private static Optional<InstanceConfig> instance(InstanceDraft draft, GlobalDefs global,
            boolean globalVersionSet, Map<String, ScriptConfig> scripts, boolean grouped) {
        Diagnostics diagnostics = draft.diagnostics;
        boolean complete = true;
        if (draft.interfaceName == null) {
            complete = false;
        }
        if (!draft.interfaceSeen) {
            diagnostics.error(draft.where, "vrrp_instance", draft.name
                    + ": expected an 'interface' line (the interface adverts go out on)");
        }
        if (draft.virtualRouterId == 0) {
            complete = false;
        }
        if (!draft.virtualRouterIdSeen) {
            diagnostics.error(draft.where, "vrrp_instance", draft.name
                    + ": expected a 'virtual_router_id' line (1 to 255)");
        }
        VrrpVersion version = draft.version != null ? draft.version : global.version();
        boolean versionSet = draft.version != null || globalVersionSet;
        if (!versionSet && version != VrrpVersion.V2) {
            diagnostics.warning(draft.where, "vrrp_instance", StockKeepalivedWarning.message(
                    draft.name, draft.advertIntervalMs, draft.authType.equals("PASS")));
        }
        int advertMs = advertInterval(draft, version);
        boolean preempt = preempt(draft);
        String password = password(draft, version, versionSet);
        List<TrackedScript> tracked = trackedScripts(draft, scripts, grouped);
        if (!complete) {
            return Optional.empty();
        }
        List<VirtualAddress> addresses = draft.addresses.stream().map(a -> a.device().isEmpty()
                ? new VirtualAddress(a.address(), a.prefixLength(), draft.interfaceName,
                        a.label())
                : a).toList();
        return Optional.of(new InstanceConfig(draft.name, draft.state, draft.interfaceName,
                draft.virtualRouterId, draft.priority, version, advertMs, preempt,
                preempt ? draft.preemptDelayMs : 0, password, addresses,
                Optional.ofNullable(draft.sourceAddress), draft.unicastPeers, tracked,
                draft.interfaces, draft.trackOwnInterface, draft.notifyScripts(),
                draft.garpMasterDelayMs != null
                        ? draft.garpMasterDelayMs
                        : global.garpMasterDelayMs(),
                draft.garpMasterRepeat != null
                        ? draft.garpMasterRepeat
                        : global.garpMasterRepeat(),
                draft.where));
    }

    private static int advertInterval(InstanceDraft draft, VrrpVersion version) {
        if (draft.advertIntervalMs == null) {
            return version == VrrpVersion.V2
                    ? InstanceConfig.V2_ADVERT_INTERVAL_MS_DEFAULT
                    : InstanceConfig.V3_ADVERT_INTERVAL_MS_DEFAULT;
        }
        long ms = draft.advertIntervalMs;
        if (version == VrrpVersion.V2 && ms % 1_000 != 0) {
            draft.diagnostics.error(draft.advertWhere, "advert_int", "VRRP version 2 carries "
                    + "whole seconds; set 'vrrp_version 3' in global_defs (or 'version 3' "
                    + "here) for sub-second adverts");
        } else if (version == VrrpVersion.V3 && ms % 10 != 0) {
            draft.diagnostics.error(draft.advertWhere, "advert_int", "VRRP version 3 carries "
                    + "hundredths of a second, got " + ms + " ms");
        }
        return (int) ms;
    }

    /** keepalived ignores nopreempt and preempt_delay unless the state is BACKUP. */
    private static boolean preempt(InstanceDraft draft) {
        if (draft.state != InitialState.MASTER) {
            return !draft.nopreempt;
        }
        if (draft.nopreempt) {
            draft.diagnostics.warning(draft.nopreemptWhere, "nopreempt", "ignored with "
                    + "'state MASTER', as in keepalived; use 'state BACKUP'");
        }
        if (draft.preemptDelayMs > 0) {
            draft.diagnostics.warning(draft.preemptDelayWhere, "preempt_delay", "ignored "
                    + "with 'state MASTER', as in keepalived; use 'state BACKUP'");
            draft.preemptDelayMs = 0;
        }
        return true;
    }

    private static String password(InstanceDraft draft, VrrpVersion version,
            boolean versionSet) {
        if (draft.authWhere == null && draft.password.isEmpty()) {
            return "";
        }
        Location where = draft.authWhere != null ? draft.authWhere : draft.where;
        if (draft.authType.equals("AH")) {
            return ""; // already reported where it was written
        }
        if (draft.authType.isEmpty() || draft.password.isEmpty()) {
            draft.diagnostics.error(where, "authentication",
                    "expected both 'auth_type PASS' and 'auth_pass PASSWORD'");
            return "";
        }
        if (version == VrrpVersion.V3) {
            if (versionSet) { // otherwise the instance's warning says it
                draft.diagnostics.warning(where, "authentication", "VRRP version 3 has no "
                        + "authentication; ignored, as in keepalived");
            }
            return "";
        }
        return draft.password;
    }

    private static List<TrackedScript> trackedScripts(InstanceDraft draft,
            Map<String, ScriptConfig> scripts, boolean grouped) {
        List<TrackedScript> out = new ArrayList<>();
        for (int i = 0; i < draft.scripts.size(); i++) {
            TrackedScript line = draft.scripts.get(i);
            Location where = draft.scriptWheres.get(i);
            ScriptConfig script = scripts.get(line.name());
            if (script == null) {
                draft.diagnostics.error(where, line.name(), "track_script names a "
                        + "vrrp_script that is not defined");
                continue;
            }
            int weight = draft.scriptWeighted.get(i) ? line.weight() : script.weight();
            boolean reverse = line.reverse() || script.reverse();
            if (grouped && weight != 0) {
                draft.diagnostics.warning(where, line.name(), "weight " + weight + " becomes 0 "
                        + "in a sync group (a failure means FAULT), as in keepalived");
                weight = 0;
            }
            out.add(new TrackedScript(line.name(), weight, reverse));
        }
        return out;
    }
}
