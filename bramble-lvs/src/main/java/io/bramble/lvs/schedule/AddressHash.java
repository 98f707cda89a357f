package io.bramble.lvs.schedule;

import java.net.InetAddress;

/** The address hashing IPVS's hashing schedulers share. */
final class AddressHash {
    /** Knuth's multiplicative constant, as ip_vs_dh uses it. */
    static final int KNUTH = (int) 2654435761L;
    /** The kernel's hash_32 multiplier (GOLDEN_RATIO_32), as ip_vs_sh uses it. */
    static final int GOLDEN_RATIO_32 = 0x61C88647;

    private AddressHash() {
    }

    /** IPv4 as a host-order number; IPv6 folded as IPVS does, its four words xor-ed. */
    static int fold(InetAddress address) {
        byte[] bytes = address.getAddress();
        int folded = 0;
        for (int i = 0; i < bytes.length; i += 4) {
            folded ^= (bytes[i] & 0xff) << 24 | (bytes[i + 1] & 0xff) << 16
                    | (bytes[i + 2] & 0xff) << 8 | (bytes[i + 3] & 0xff);
        }
        return folded;
    }

    /** The kernel's hash_32: the top {@code bits} of the product with the golden ratio. */
    static int hash32(int value, int bits) {
        return (value * GOLDEN_RATIO_32) >>> (32 - bits);
    }
}
