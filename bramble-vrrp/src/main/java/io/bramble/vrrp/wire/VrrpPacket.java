package io.bramble.vrrp.wire;

import io.bramble.common.check.Checks;
import io.bramble.vrrp.core.VrrpVersion;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One VRRP advertisement, as both versions carry it.
 *
 * @param version 2 or 3
 * @param virtualRouterId 1 to 255
 * @param priority 0 to 255
 * @param advertIntervalMs whole seconds (1 to 255) for version 2, whole centiseconds (10 ms to
 *        40.95 s) for version 3
 * @param addresses the virtual addresses, at most {@link #ADDRESSES_MAX}
 * @param password version 2 simple-text authentication ({@code auth_type PASS}), at most 8
 *        ASCII characters; empty for none; always empty for version 3
 */
public record VrrpPacket(VrrpVersion version, int virtualRouterId, int priority,
        int advertIntervalMs, List<Inet4Address> addresses, String password) {
    public static final int ADDRESSES_MAX = 255;
    public static final int PASSWORD_BYTES_MAX = 8;
    public static final int V2_INTERVAL_SECONDS_MAX = 255;
    public static final int V3_INTERVAL_CENTIS_MAX = 4_095;

    public VrrpPacket {
        Checks.argument(version != null, "version is required");
        Checks.inRange(virtualRouterId, 1, 255, "virtual router id");
        Checks.inRange(priority, 0, 255, "priority");
        addresses = List.copyOf(addresses);
        Checks.argument(addresses.size() <= ADDRESSES_MAX, "at most " + ADDRESSES_MAX
                + " addresses fit in one advert, got " + addresses.size());
        password = password == null ? "" : password;
        byte[] passwordBytes = password.getBytes(StandardCharsets.US_ASCII);
        Checks.argument(passwordBytes.length <= PASSWORD_BYTES_MAX
                && new String(passwordBytes, StandardCharsets.US_ASCII).equals(password),
                "a VRRP password is at most 8 ASCII characters");
        Checks.argument(version == VrrpVersion.V2 || password.isEmpty(),
                "VRRP version 3 has no authentication");
        if (version == VrrpVersion.V2) {
            Checks.argument(advertIntervalMs % 1_000 == 0 && advertIntervalMs >= 1_000
                    && advertIntervalMs <= V2_INTERVAL_SECONDS_MAX * 1_000,
                    "version 2 adverts carry whole seconds from 1 to 255, got "
                            + advertIntervalMs + " ms");
        } else {
            Checks.argument(advertIntervalMs % 10 == 0 && advertIntervalMs >= 10
                    && advertIntervalMs <= V3_INTERVAL_CENTIS_MAX * 10,
                    "version 3 adverts carry centiseconds from 1 to 4095, got "
                            + advertIntervalMs + " ms");
        }
    }

    /** True when this packet carries simple-text authentication. */
    public boolean authenticated() {
        return !password.isEmpty();
    }
}
