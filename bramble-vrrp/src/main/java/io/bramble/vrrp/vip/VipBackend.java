package io.bramble.vrrp.vip;

import io.bramble.vrrp.config.VirtualAddress;
import java.io.IOException;

/**
 * Puts virtual addresses on and off. Thread-safe: the event loop adds and removes while
 * gratuitous ARPs go out from another thread.
 */
public interface VipBackend extends AutoCloseable {
    /** Puts the address on its interface; false when it was already there. */
    boolean add(VirtualAddress address) throws IOException;

    /** Takes the address off; false when it was not there (a clean start, say). */
    boolean remove(VirtualAddress address) throws IOException;

    /** Tells the neighbours this host now answers for the address (one announcement). */
    void announce(VirtualAddress address) throws IOException;

    /** What this backend does, for the start-up line: "netlink", "ip command", "loopback". */
    String describe();

    @Override
    void close();
}
