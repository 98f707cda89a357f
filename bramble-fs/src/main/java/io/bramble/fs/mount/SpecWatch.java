package io.bramble.fs.mount;

import io.bramble.fs.volume.spec.ClientSpec;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a mount on its volume's record: every {@link #POLL_MS} it fetches the volume's
 * definition from the mount's servers (which asks no other member) and lets the
 * {@link VolumeClient} follow it, fetching the whole layout only when bricks were appended,
 * as Gluster's clients take a new graph when the volume changes. A fetch that fails (no
 * server answers, a server being restarted) is passed over quietly: the mount goes on with
 * what it has, and the next poll tries again. One poll runs at a time; each fetch is bounded
 * by its calls' own timeouts.
 */
public final class SpecWatch implements AutoCloseable {
    /** How often the definition is fetched: a grown volume reaches running mounts within it. */
    public static final long POLL_MS = 3_000;
    private static final Logger LOG = LoggerFactory.getLogger(SpecWatch.class);

    private final Supplier<ClientSpec> fetch;
    private final Consumer<ClientSpec> follow;
    private final ScheduledFuture<?> polls;
    private int failuresInARow;

    private SpecWatch(Supplier<ClientSpec> fetch, Consumer<ClientSpec> follow,
            ScheduledExecutorService scheduler, long pollMs) {
        this.fetch = fetch;
        this.follow = follow;
        this.polls = scheduler.scheduleWithFixedDelay(this::poll, pollMs, pollMs,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Starts polling on {@code scheduler} every {@code pollMs}; {@code fetchRecord} gives
     * the volume's definition and {@code fetch} its whole layout, or fail with an unchecked
     * exception.
     */
    public static SpecWatch start(Supplier<ClientSpec> fetchRecord, Supplier<ClientSpec> fetch,
            VolumeClient client, ScheduledExecutorService scheduler, long pollMs) {
        return new SpecWatch(fetchRecord, record -> client.follow(record, fetch), scheduler,
                pollMs);
    }

    /** Polls {@code fetch} and hands what it gives to {@code follow}. */
    static SpecWatch start(Supplier<ClientSpec> fetch, Consumer<ClientSpec> follow,
            ScheduledExecutorService scheduler, long pollMs) {
        return new SpecWatch(fetch, follow, scheduler, pollMs);
    }

    /** One poll: fetch, then follow; a failure waits for the next poll. */
    void poll() {
        ClientSpec spec;
        try {
            spec = fetch.get();
        } catch (RuntimeException e) {
            failuresInARow++;
            if (failuresInARow == 1) {
                LOG.debug("the volume's layout could not be fetched: {}", e.getMessage());
            }
            return;
        }
        failuresInARow = 0;
        try {
            follow.accept(spec);
        } catch (RuntimeException e) {
            LOG.warn("could not take on the volume's new bricks yet: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        polls.cancel(false);
    }
}
