package io.bramble.cluster.service;

import io.bramble.pool.member.Member;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends cluster lines to other members over the pool link ({@link PoolNode#runOn}), each line
 * its own TLS connection: one sender per destination keeps a destination's lines in order, and
 * at most {@link #QUEUED_MAX} lines wait per destination (more are dropped: the coordinator
 * sends again what goes unanswered, and a node reports again).
 */
final class Messenger implements AutoCloseable {
    /** Lines waiting per destination. */
    static final int QUEUED_MAX = 256;
    /** How long one line may take to be answered. */
    static final long SEND_MS = 2_000;

    private final PoolNode node;
    private final Map<String, ExecutorService> senders = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> queued = new ConcurrentHashMap<>();

    Messenger(PoolNode node) {
        this.node = node;
    }

    /** The member known by {@code name} (its host name), if it is one. */
    Optional<Member> member(String name) {
        return node.members().all().stream().filter(m -> m.hostname().equals(name))
                .findFirst();
    }

    /** Sends {@code line} to the member named {@code to}, later, after its earlier lines. */
    void send(String to, List<String> line) {
        AtomicInteger waiting = queued.computeIfAbsent(to, k -> new AtomicInteger());
        if (waiting.incrementAndGet() > QUEUED_MAX) {
            waiting.decrementAndGet();
            return;
        }
        senders.computeIfAbsent(to, k -> Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("bramble-cluster-send-" + k).factory())).execute(() -> {
                    waiting.decrementAndGet();
                    try {
                        ask(to, line);
                    } catch (IOException e) {
                        // not reached: the coordinator's timeouts and the next renewal cover it
                    }
                });
    }

    /** Sends {@code line} to {@code to} now and returns its answer. */
    CommandReply ask(String to, List<String> line) throws IOException {
        Member member = member(to).orElseThrow(() -> new IOException(to + " is no member"));
        return node.runOn(member, line, SEND_MS);
    }

    @Override
    public void close() {
        senders.values().forEach(ExecutorService::shutdownNow);
    }
}
