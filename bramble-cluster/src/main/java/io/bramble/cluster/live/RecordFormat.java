package io.bramble.cluster.live;

import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;

/**
 * The first byte of each of the cluster's records: its format's version, so that a later
 * bramble reads what an earlier one wrote and an unknown format is refused, not misread.
 */
public final class RecordFormat {
    private RecordFormat() {
    }

    /**
     * Reads the format byte of a record a later bramble extended: any format from {@code
     * oldest} to {@code newest} is read, as the one it is.
     */
    public static int read(WireReader in, int oldest, int newest, String record)
            throws MalformedFrameException {
        int found = in.u8();
        if (found < oldest || found > newest) {
            throw new MalformedFrameException("unknown " + record + " record format " + found);
        }
        return found;
    }

    /** A reader past the format byte, which must be {@code format}. */
    public static WireReader open(byte[] bytes, int format, String record)
            throws MalformedFrameException {
        WireReader in = new WireReader(bytes);
        int found = in.u8();
        if (found != format) {
            throw new MalformedFrameException("unknown " + record + " record format " + found);
        }
        return in;
    }
}
