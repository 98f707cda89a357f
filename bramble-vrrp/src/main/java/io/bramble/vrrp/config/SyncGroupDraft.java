package io.bramble.vrrp.config;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import java.util.ArrayList;
import java.util.List;

/** A {@code vrrp_sync_group} while it is read. */
final class SyncGroupDraft {
    final String name;
    final Location where;
    final Diagnostics diagnostics;
    final List<String> instances = new ArrayList<>();
    final List<Location> instanceWheres = new ArrayList<>();
    Command notifyMaster = Command.NONE;
    Command notifyBackup = Command.NONE;
    Command notifyFault = Command.NONE;
    Command notifyStop = Command.NONE;
    Command notifyAny = Command.NONE;

    SyncGroupDraft(String name, Location where, Diagnostics diagnostics) {
        this.name = name;
        this.where = where;
        this.diagnostics = diagnostics;
    }

    SyncGroupConfig freeze() {
        if (instances.isEmpty()) {
            diagnostics.error(where, "vrrp_sync_group", name
                    + ": expected a 'group { INSTANCE ... }' block naming its instances");
        }
        return new SyncGroupConfig(name, instances, new NotifyScripts(notifyMaster,
                notifyBackup, notifyFault, notifyStop, notifyAny), where);
    }
}
