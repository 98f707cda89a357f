package io.bramble.fs.brick.wire;

import java.net.InetAddress;
import java.util.UUID;

/**
 * Which connections may attach to a volume's bricks, asked with the address a connection came
 * from and the pool member its certificate names. The brick server asks it at each attach,
 * and again for the connections attached when it changes.
 */
@FunctionalInterface
public interface BrickAccess {
    /** Every member of the pool, from anywhere: what a volume without a rule gets. */
    BrickAccess EVERYONE = (client, member) -> true;

    boolean admits(InetAddress client, UUID member);
}
