package io.bramble.vrrp.config;

import io.bramble.vrrp.core.VrrpVersion;

/**
 * What bramble uses of {@code global_defs}.
 *
 * @param routerId the name of this node in logs and notifications; the host name when unset
 * @param scriptSecurity {@code enable_script_security}: refuse scripts others could rewrite
 * @param scriptUser {@code script_user}: who runs scripts; empty for this process's user
 * @param scriptGroup the group of {@code script_user}; empty for the user's own
 * @param version {@code vrrp_version}; bramble's default is 3 (see docs/vrrp.md)
 * @param garpMasterDelayMs {@code vrrp_garp_master_delay}: when the second set of
 *        gratuitous ARPs follows a transition to master; 0 for none
 * @param garpMasterRepeat {@code vrrp_garp_master_repeat}: gratuitous ARPs per set
 * @param garpIntervalMs {@code vrrp_garp_interval}: pause between two gratuitous ARPs
 */
public record GlobalDefs(String routerId, boolean scriptSecurity, String scriptUser,
        String scriptGroup, VrrpVersion version, long garpMasterDelayMs, int garpMasterRepeat,
        long garpIntervalMs) {
    /** bramble speaks VRRP 3 unless told otherwise: it allows sub-second adverts. */
    public static final VrrpVersion VERSION_DEFAULT = VrrpVersion.V3;
    public static final long GARP_MASTER_DELAY_MS_DEFAULT = 5_000;
    public static final int GARP_MASTER_REPEAT_DEFAULT = 5;

    public static GlobalDefs defaults() {
        return new GlobalDefs("", false, "", "", VERSION_DEFAULT, GARP_MASTER_DELAY_MS_DEFAULT,
                GARP_MASTER_REPEAT_DEFAULT, 0);
    }
}
