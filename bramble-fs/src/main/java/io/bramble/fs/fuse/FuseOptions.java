package io.bramble.fs.fuse;

import io.bramble.common.check.Checks;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a volume is mounted. Bad values fail at construction, naming the option and its
 * range. {@link #defaults()} suits a network volume; the {@code with…} methods change one
 * option each.
 *
 * @param readerThreads threads that read requests from the device and decode them
 * @param workerThreads threads that run the file operations and write the replies
 * @param requestsQueuedMax decoded requests waiting for a worker; readers block beyond it
 * @param allowOther whether users other than the mounting one may use the mount
 * @param writebackCache whether the kernel may cache writes and send them later, larger
 * @param attrTimeout how long the kernel may trust attributes it was given
 * @param entryTimeout how long the kernel may trust a name it resolved
 * @param maxWriteBytes the largest write the kernel sends in one request
 * @param readdirPageEntriesMax entries fetched from the volume per page of a listing
 * @param openDirectoriesMax directories open at once; more fail with EMFILE
 * @param fileIdRandom where the identities of new files come from
 */
public record FuseOptions(
        int readerThreads,
        int workerThreads,
        int requestsQueuedMax,
        boolean allowOther,
        boolean writebackCache,
        Duration attrTimeout,
        Duration entryTimeout,
        int maxWriteBytes,
        int readdirPageEntriesMax,
        int openDirectoriesMax,
        RandomGenerator fileIdRandom) {
    /** The kernel's own ceiling: 256 pages of 4 KiB per request (FUSE_MAX_MAX_PAGES). */
    public static final int MAX_WRITE_BYTES_MAX = 1024 * 1024;
    /** The kernel refuses to read requests into buffers smaller than 8 KiB; writes follow. */
    public static final int MAX_WRITE_BYTES_MIN = 4096;
    /** A timeout longer than a day would hide other clients' changes for good. */
    public static final Duration TIMEOUT_MAX = Duration.ofDays(1);

    public FuseOptions {
        Checks.inRange(readerThreads, 1, 16, "readerThreads");
        Checks.inRange(workerThreads, 1, 256, "workerThreads");
        Checks.inRange(requestsQueuedMax, 1, 65_536, "requestsQueuedMax");
        checkTimeout(attrTimeout, "attrTimeout");
        checkTimeout(entryTimeout, "entryTimeout");
        Checks.inRange(maxWriteBytes, MAX_WRITE_BYTES_MIN, MAX_WRITE_BYTES_MAX,
                "maxWriteBytes");
        Checks.inRange(readdirPageEntriesMax, 1, 100_000, "readdirPageEntriesMax");
        Checks.inRange(openDirectoriesMax, 1, 1_000_000, "openDirectoriesMax");
        Objects.requireNonNull(fileIdRandom, "fileIdRandom");
    }

    /**
     * Two readers, four workers, allow_other, the writeback cache, 1 s timeouts, 1 MiB
     * writes, pages of 512 entries, new file ids from a {@link SecureRandom}.
     */
    public static FuseOptions defaults() {
        return new FuseOptions(2, 4, 256, true, true, Duration.ofSeconds(1),
                Duration.ofSeconds(1), MAX_WRITE_BYTES_MAX, 512, 65_536, new SecureRandom());
    }

    public FuseOptions withThreads(int readers, int workers) {
        return new FuseOptions(readers, workers, requestsQueuedMax, allowOther,
                writebackCache, attrTimeout, entryTimeout, maxWriteBytes,
                readdirPageEntriesMax, openDirectoriesMax, fileIdRandom);
    }

    public FuseOptions withAllowOther(boolean allow) {
        return new FuseOptions(readerThreads, workerThreads, requestsQueuedMax, allow,
                writebackCache, attrTimeout, entryTimeout, maxWriteBytes,
                readdirPageEntriesMax, openDirectoriesMax, fileIdRandom);
    }

    public FuseOptions withWritebackCache(boolean cache) {
        return new FuseOptions(readerThreads, workerThreads, requestsQueuedMax, allowOther,
                cache, attrTimeout, entryTimeout, maxWriteBytes, readdirPageEntriesMax,
                openDirectoriesMax, fileIdRandom);
    }

    public FuseOptions withTimeouts(Duration attr, Duration entry) {
        return new FuseOptions(readerThreads, workerThreads, requestsQueuedMax, allowOther,
                writebackCache, attr, entry, maxWriteBytes, readdirPageEntriesMax,
                openDirectoriesMax, fileIdRandom);
    }

    public FuseOptions withMaxWriteBytes(int bytes) {
        return new FuseOptions(readerThreads, workerThreads, requestsQueuedMax, allowOther,
                writebackCache, attrTimeout, entryTimeout, bytes, readdirPageEntriesMax,
                openDirectoriesMax, fileIdRandom);
    }

    public FuseOptions withReaddirPageEntriesMax(int entries) {
        return new FuseOptions(readerThreads, workerThreads, requestsQueuedMax, allowOther,
                writebackCache, attrTimeout, entryTimeout, maxWriteBytes, entries,
                openDirectoriesMax, fileIdRandom);
    }

    public FuseOptions withFileIdRandom(RandomGenerator random) {
        return new FuseOptions(readerThreads, workerThreads, requestsQueuedMax, allowOther,
                writebackCache, attrTimeout, entryTimeout, maxWriteBytes,
                readdirPageEntriesMax, openDirectoriesMax, random);
    }

    private static void checkTimeout(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        Checks.argument(!timeout.isNegative() && timeout.compareTo(TIMEOUT_MAX) <= 0,
                name + " must be between 0 and " + TIMEOUT_MAX + ", got " + timeout);
    }
}
