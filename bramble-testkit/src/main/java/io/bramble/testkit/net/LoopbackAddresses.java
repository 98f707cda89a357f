package io.bramble.testkit.net;

import io.bramble.common.check.Checks;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Hands out 127.0.0.x addresses, each once: 127.0.0.10 first, up to 127.0.0.254. Linux routes
 * all of 127/8 to the loopback interface, so each process can have an address of its own, as
 * on separate machines, without configuring anything.
 */
public final class LoopbackAddresses {
    /** The first address handed out; below it are addresses people use by hand. */
    public static final int FIRST_HOST = 10;
    public static final int LAST_HOST = 254;

    private int next = FIRST_HOST;

    /** The next unused address; fails once all are used. */
    public synchronized InetAddress next() {
        Checks.invariant(next <= LAST_HOST, "all loopback addresses 127.0.0." + FIRST_HOST
                + " to 127.0.0." + LAST_HOST + " are in use");
        byte host = (byte) next++;
        try {
            return InetAddress.getByAddress(new byte[]{127, 0, 0, host});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4-byte address is always valid", e);
        }
    }
}
