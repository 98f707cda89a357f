package io.bramble.cluster.live;

import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.store.StoreCommand;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;

/**
 * The live cluster's CIB as one record of the store: the XML text pcs would write to a file,
 * under {@link #KEY}. The first byte is the format's version, so that a later bramble reads
 * what an earlier one wrote.
 */
public final class CibRecord implements RecordCodec<String> {
    /** The store's record type for the CIB. */
    public static final RecordType<String> TYPE = new RecordType<>("cluster.cib",
            new CibRecord());
    /** The one key: a pool has one cluster. */
    public static final String KEY = "cib";
    /** The format {@link #encode} writes. */
    static final int FORMAT = 1;
    /** Longest CIB text, in bytes of UTF-8: what a record of the store holds, less a header. */
    public static final int CIB_BYTES_MAX = StoreCommand.VALUE_BYTES_MAX - 16;

    @Override
    public byte[] encode(String xml) {
        return new WireWriter().u8(FORMAT).string(xml).toByteArray();
    }

    @Override
    public String decode(byte[] bytes) throws MalformedFrameException {
        WireReader in = RecordFormat.open(bytes, FORMAT, "CIB");
        String xml = in.string(CIB_BYTES_MAX);
        in.end();
        return xml;
    }
}
