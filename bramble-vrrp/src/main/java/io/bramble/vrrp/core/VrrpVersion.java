package io.bramble.vrrp.core;

/** The protocol version an instance speaks; both ends of a virtual router must agree. */
public enum VrrpVersion {
    /** RFC 3768: advert interval in whole seconds, optional simple-password authentication. */
    V2(2),
    /** RFC 5798: advert interval in centiseconds, so sub-second failover is possible. */
    V3(3);

    private final int number;

    VrrpVersion(int number) {
        this.number = number;
    }

    /** The number carried in the packet's version field. */
    public int number() {
        return number;
    }

    /** The version with that number, or {@code null} when bramble does not speak it. */
    public static VrrpVersion ofNumber(int number) {
        for (VrrpVersion version : values()) {
            if (version.number == number) {
                return version;
            }
        }
        return null;
    }
}
