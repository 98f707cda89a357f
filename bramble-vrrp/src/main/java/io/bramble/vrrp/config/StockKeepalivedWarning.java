package io.bramble.vrrp.config;

/**
 * What an instance that sets no VRRP version means beside a stock keepalived. bramble's
 * default is VRRP 3 (with adverts every 0.1 s unless {@code advert_int} is set) while
 * keepalived's is VRRP 2 every second with the {@code PASS} password checked: the same file
 * on both makes two masters that ignore each other's adverts. The warning says so and names
 * the one line that makes bramble speak keepalived's protocol.
 */
final class StockKeepalivedWarning {
    private static final long SECOND_MS = 1_000;

    private StockKeepalivedWarning() {
    }

    /**
     * The warning for instance {@code name}, whose file sets no version for it.
     *
     * @param advertIntervalMs its {@code advert_int}; null when the file sets none
     * @param password true when it has {@code auth_type PASS}, which VRRP 3 drops
     */
    static String message(String name, Long advertIntervalMs, boolean password) {
        StringBuilder out = new StringBuilder(name).append(": no vrrp_version is set, so "
                + "bramble speaks VRRP 3");
        if (advertIntervalMs == null) {
            out.append(" with an advert every ")
                    .append(seconds(InstanceConfig.V3_ADVERT_INTERVAL_MS_DEFAULT))
                    .append(" s");
        }
        out.append(password ? " and drops the PASS authentication" : "");
        out.append(", where keepalived reading this file speaks VRRP 2");
        if (advertIntervalMs == null) {
            out.append(" every ").append(seconds(InstanceConfig.V2_ADVERT_INTERVAL_MS_DEFAULT))
                    .append(" s");
        }
        out.append(password ? " and checks the password" : "");
        out.append("; beside a stock keepalived both would be master. To speak keepalived's "
                + "VRRP, add the line 'version 2' to this vrrp_instance (or 'vrrp_version 2' "
                + "to global_defs, for every instance)");
        if (advertIntervalMs != null && advertIntervalMs % SECOND_MS != 0) {
            out.append(" and make advert_int whole seconds, as VRRP 2 requires (keepalived "
                    + "rounds it)");
        }
        return out.toString();
    }

    private static String seconds(long millis) {
        return millis % SECOND_MS == 0
                ? String.valueOf(millis / SECOND_MS)
                : String.valueOf(millis / (double) SECOND_MS);
    }
}
