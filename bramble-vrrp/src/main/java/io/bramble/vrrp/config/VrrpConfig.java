package io.bramble.vrrp.config;

import io.bramble.common.config.Diagnostic;
import java.util.List;

/**
 * A whole keepalived.conf, checked.
 *
 * @param global {@code global_defs}
 * @param scripts {@code vrrp_script} blocks in file order
 * @param instances {@code vrrp_instance} blocks in file order
 * @param syncGroups {@code vrrp_sync_group} blocks in file order
 * @param warnings what was accepted but has no effect, to show the user
 */
public record VrrpConfig(GlobalDefs global, List<ScriptConfig> scripts,
        List<InstanceConfig> instances, List<SyncGroupConfig> syncGroups,
        List<Diagnostic> warnings) {
    public VrrpConfig {
        scripts = List.copyOf(scripts);
        instances = List.copyOf(instances);
        syncGroups = List.copyOf(syncGroups);
        warnings = List.copyOf(warnings);
    }
}
