package io.bramble.fs.volume.access;

import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One item of an {@code auth.allow} or {@code auth.reject} list, as Gluster reads it: {@code *}
 * (every client), an address ({@code 192.168.1.20}), a pattern with {@code *} matched against
 * the client's address as written ({@code 192.168.1.*}), a network ({@code 10.0.0.0/8},
 * {@code fd00::/8}), or a host name, which stands for the addresses it resolved to when the
 * rule was read.
 */
sealed interface AddressPattern {
    boolean matches(InetAddress client);

    /** Every client. */
    record Any() implements AddressPattern {
        @Override
        public boolean matches(InetAddress client) {
            return true;
        }
    }

    /** One of a few addresses: a literal one, or those a host name resolved to. */
    record Addresses(List<InetAddress> addresses) implements AddressPattern {
        @Override
        public boolean matches(InetAddress client) {
            return addresses.contains(client);
        }
    }

    /** A {@code *} pattern over the address's text: {@code *} stands for any characters. */
    record Glob(Pattern pattern) implements AddressPattern {
        static Glob of(String glob) {
            StringBuilder regex = new StringBuilder();
            for (String part : glob.split("\\*", -1)) {
                if (!regex.isEmpty()) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(part));
            }
            return new Glob(Pattern.compile(regex.toString()));
        }

        @Override
        public boolean matches(InetAddress client) {
            return pattern.matcher(client.getHostAddress()).matches();
        }
    }

    /** A network: the addresses whose first {@code prefixBits} bits are the network's. */
    record Network(byte[] network, int prefixBits) implements AddressPattern {
        @Override
        public boolean matches(InetAddress client) {
            byte[] address = client.getAddress();
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
