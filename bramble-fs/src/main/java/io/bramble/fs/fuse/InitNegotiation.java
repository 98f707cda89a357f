package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.InitReply;
import io.bramble.fs.fuse.FuseRequest.Init;

/**
 * Answers the kernel's FUSE_INIT. bramble speaks major 7 and minors {@value #MINOR_MIN} to
 * {@value #MINOR_MAX}: every struct it reads has its final layout from 7.23 on, and the
 * minors after 7.31 only add capabilities bramble does not ask for, so claiming them would
 * change nothing but the risk of a layout bramble has not checked. The answer may take only
 * capabilities the kernel offered.
 */
final class InitNegotiation {
    static final int MAJOR = 7;
    static final int MINOR_MIN = 23;
    static final int MINOR_MAX = 31;
    /** Background requests (readahead, writeback) the kernel keeps in flight; it has 12. */
    static final int MAX_BACKGROUND = 64;
    /** Three quarters of the above: past it the kernel marks the mount congested. */
    static final int CONGESTION_THRESHOLD = 48;
    static final int PAGE_BYTES = 4096;
    /** Attribute times are kept to the nanosecond. */
    static final int TIME_GRANULARITY_NS = 1;

    /**
     * ASYNC_READ lets readahead overlap; ATOMIC_O_TRUNC sends O_TRUNC with the open instead
     * of a separate truncate; BIG_WRITES and MAX_PAGES allow writes past 4 KiB and up to
     * 1 MiB; readdirplus saves a LOOKUP per listed name, on every page of a listing (not
     * READDIRPLUS_AUTO: the kernel would then ask plain READDIR after the first page, as
     * {@code ls -l} reads the whole directory before it stats a name, and look every name up
     * again; the layers list names with their attributes anyway); PARALLEL_DIROPS lets
     * lookups in one directory run at once; AUTO_INVAL_DATA drops cached pages when another
     * client changes a file; CACHE_SYMLINKS keeps link targets, which never change. Not
     * asked: POSIX_LOCKS and FLOCK_LOCKS (locks stay local to this kernel), DONT_MASK (the
     * kernel applies the umask), HANDLE_KILLPRIV (the kernel clears set-uid bits with a
     * SETATTR the layers already understand).
     */
    static final int WANTED = InitFlags.ASYNC_READ | InitFlags.ATOMIC_O_TRUNC
            | InitFlags.BIG_WRITES | InitFlags.MAX_PAGES | InitFlags.DO_READDIRPLUS
            | InitFlags.PARALLEL_DIROPS | InitFlags.AUTO_INVAL_DATA | InitFlags.CACHE_SYMLINKS;

    private InitNegotiation() {
    }

    /** The answer to {@code kernel}; fails when the kernel's protocol is not one bramble speaks. */
    static Negotiated answer(Init kernel, FuseOptions options) throws FuseProtocolException {
        if (kernel.major() != MAJOR) {
            throw new FuseProtocolException("the kernel speaks FUSE " + kernel.major() + "."
                    + kernel.minor() + "; bramble speaks " + MAJOR + ".x");
        }
        if (kernel.minor() < MINOR_MIN) {
            throw new FuseProtocolException("the kernel speaks FUSE 7." + kernel.minor()
                    + "; bramble needs 7." + MINOR_MIN + " or later (Linux 3.15 or later)");
        }
        int wanted = WANTED | (options.writebackCache() ? InitFlags.WRITEBACK_CACHE : 0);
        int maxPages = Math.ceilDiv(options.maxWriteBytes(), PAGE_BYTES);
        InitReply reply = new InitReply(MAJOR, Math.min(kernel.minor(), MINOR_MAX),
                kernel.maxReadaheadBytes(), wanted & kernel.flags(), MAX_BACKGROUND,
                CONGESTION_THRESHOLD, options.maxWriteBytes(), TIME_GRANULARITY_NS, maxPages);
        return new Negotiated(kernel.minor(), reply);
    }
}
