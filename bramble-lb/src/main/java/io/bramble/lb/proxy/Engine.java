package io.bramble.lb.proxy;

import io.bramble.common.time.Clock;
import io.bramble.lb.limit.BufferBudget;
import io.bramble.lb.limit.ConnectionSlots;
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
    /** {@code global maxconn} over every frontend and configuration generation. */
    final ConnectionSlots connectionSlots;
    /** Output bytes buffered for slow peers, process-wide. */
    final BufferBudget buffers;
    /** This machine's name, as log-format strings show it ({@code %H}). */
    final String hostName;

    Engine(Transport transport, Clock clock, ConnectionSlots connectionSlots,
            BufferBudget buffers, String hostName) {
        this.transport = transport;
        this.clock = clock;
        this.connectionSlots = connectionSlots;
        this.buffers = buffers;
        this.hostName = hostName;
    }
}
