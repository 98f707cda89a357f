package io.bramble.vrrp.config;

import io.bramble.common.config.Location;
import io.bramble.vrrp.core.VrrpVersion;

/** {@code global_defs} while it is read; several blocks add up, as in keepalived. */
final class GlobalDraft {
    String routerId = "";
    boolean scriptSecurity;
    String scriptUser = "";
    String scriptGroup = "";
    VrrpVersion version;
    Location versionWhere;
    long garpMasterDelayMs = GlobalDefs.GARP_MASTER_DELAY_MS_DEFAULT;
    int garpMasterRepeat = GlobalDefs.GARP_MASTER_REPEAT_DEFAULT;
    long garpIntervalMs;

    GlobalDefs freeze() {
        return new GlobalDefs(routerId, scriptSecurity, scriptUser, scriptGroup,
                version == null ? GlobalDefs.VERSION_DEFAULT : version, garpMasterDelayMs,
                garpMasterRepeat, garpIntervalMs);
    }
}
