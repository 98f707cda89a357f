package io.bramble.vrrp.config;

import io.bramble.common.config.Location;
import java.util.List;

/**
 * A {@code vrrp_sync_group}: {@code group { VI_1 VI_2 }} and notify commands.
 *
 * @param name the block's name
 * @param instances the instances named in {@code group}
 * @param notifyScripts commands run when the whole group changes state
 * @param where the {@code vrrp_sync_group} line
 */
public record SyncGroupConfig(String name, List<String> instances, NotifyScripts notifyScripts,
        Location where) {
    public SyncGroupConfig {
        instances = List.copyOf(instances);
    }
}
