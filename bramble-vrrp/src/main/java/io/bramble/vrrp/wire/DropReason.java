package io.bramble.vrrp.wire;

/** Why a received packet was dropped; each reason has its own counter. */
public enum DropReason {
    // @formatter:off
    TRUNCATED("shorter than its headers say"),
    NOT_IPV4("not an IPv4 packet"),
    NOT_VRRP("IP protocol is not 112"),
    FRAGMENT("a fragment"),
    BAD_TTL("TTL is not 255"),
    BAD_VERSION("VRRP version is not 2 or 3"),
    BAD_TYPE("not an advertisement"),
    BAD_VIRTUAL_ROUTER_ID("virtual router id 0"),
    BAD_LENGTH("length does not match the address count"),
    BAD_CHECKSUM("checksum is wrong"),
    BAD_INTERVAL("advert interval 0"),
    UNSUPPORTED_AUTHENTICATION("authentication type other than none or PASS"),
    AUTHENTICATION_MISMATCH("authentication differs from ours"),
    UNKNOWN_VIRTUAL_ROUTER("no instance with this virtual router id here"),
    NOT_A_PEER("source is not one of our unicast peers"),
    OVERLOAD("arrived while the event queue was full");
    // @formatter:on

    private final String meaning;

    DropReason(String meaning) {
        this.meaning = meaning;
    }

    /** What the reason means, for logs and counters pages. */
    public String meaning() {
        return meaning;
    }
}
