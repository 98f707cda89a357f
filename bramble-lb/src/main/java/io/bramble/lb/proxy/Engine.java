package io.bramble.lb.proxy;

import io.bramble.common.time.Clock;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.atomic.AtomicLong;

/** What every session shares: event loops, clock, buffer allocator, process counters. */
final class Engine {
    final Transport transport;
    final Clock clock;
    final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    /** Client connections open in the whole process (HAProxy's actconn). */
    final AtomicLong activeConnections = new AtomicLong();

    Engine(Transport transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }
}
