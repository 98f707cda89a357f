package io.bramble.vrrp.config;

import io.bramble.common.config.ConfigBlock;
import io.bramble.common.config.KeywordTable;

/** The keywords of {@code vrrp_sync_group}. */
final class SyncGroupKeywords {
    static final KeywordTable<SyncGroupDraft> TABLE = new KeywordTable<SyncGroupDraft>(
            "vrrp_sync_group")
            .keyword("group", (g, a) -> {
                a.end();
                for (ConfigBlock line : a.block("instance names")) {
                    if (line.hasBlock()) {
                        g.diagnostics.error(line.where(), line.keyword(),
                                "unexpected { } block: expected instance names");
                    }
                    for (String name : line.words()) {
                        g.instances.add(name);
                        g.instanceWheres.add(line.where());
                    }
                }
            })
            .keyword("notify_master", (g, a) -> g.notifyMaster = Readers.notifyScript(
                    g.notifyMaster, a))
            .keyword("notify_backup", (g, a) -> g.notifyBackup = Readers.notifyScript(
                    g.notifyBackup, a))
            .keyword("notify_fault", (g, a) -> g.notifyFault = Readers.notifyScript(
                    g.notifyFault, a))
            .keyword("notify_stop", (g, a) -> g.notifyStop = Readers.notifyScript(
                    g.notifyStop, a))
            .keyword("notify", (g, a) -> g.notifyAny = Readers.notifyScript(
                    g.notifyAny, a))
            .warnOnly("smtp_alert", "bramble sends no mail; use notify scripts to alert")
            .unsupported("global_tracking", "")
            .unsupported("sync_group_tracking_weight", "")
            .unsupported("track_script", "track scripts in each vrrp_instance")
            .unsupported("track_interface", "track interfaces in each vrrp_instance")
            .unsupported("track_file", "")
            .unsupported("track_process", "")
            .unsupported("track_bfd", "")
            .unsupported("notify_deleted", "")
            .unsupported("notify_priority_changes", "");

    private SyncGroupKeywords() {
    }
}
