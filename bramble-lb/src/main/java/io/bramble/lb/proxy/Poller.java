package io.bramble.lb.proxy;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;

/**
 * How the event loops learn that sockets are ready: io_uring where the kernel allows it, epoll
 * otherwise, and Java's NIO selector where no native transport loads or the configuration says
 * {@code noepoll}. io_uring submits a loop's reads and writes together and so costs the fewest
 * system calls per request.
 */
public enum Poller {
    IO_URING("io_uring"), EPOLL("epoll"), NIO("nio");

    private final String label;

    Poller(String label) {
        this.label = label;
    }

    /** The name shown at start-up and by {@code show info}. */
    public String label() {
        return label;
    }

    /** The best poller this machine offers; NIO when {@code nativeAllowed} is false. */
    public static Poller best(boolean nativeAllowed) {
        if (!nativeAllowed) {
            return NIO;
        }
        return IO_URING.available() ? IO_URING : EPOLL.available() ? EPOLL : NIO;
    }

    /** Whether this kernel and platform let it load. */
    boolean available() {
        return switch (this) {
            case IO_URING -> IoUring.isAvailable();
            case EPOLL -> Epoll.isAvailable();
            case NIO -> true;
        };
    }
}
