package io.bramble.fs.volume;

import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Volumes as records of the cluster store, keyed by name. The first byte is the format's
 * version, so that a later bramble can read what an earlier one wrote; decoding checks every
 * length against a bound and rejects anything {@link #encode} never makes, since a record
 * that fails to decode stops every reader of the store.
 */
public final class VolumeCodec implements RecordCodec<VolumeSpec> {
    /** The store's record type for volumes. */
    public static final RecordType<VolumeSpec> TYPE = new RecordType<>("fs.volume",
            new VolumeCodec());

    /** The format {@link #encode} writes for a volume without stripe. */
    static final int FORMAT = 1;
    /**
     * The format of a striped volume: format 1 and the stripe count last. Volumes without
     * stripe stay in format 1, which every bramble reads.
     */
    static final int FORMAT_STRIPE = 2;
    /**
     * The format of a disperse volume: format 1, then the disperse count and the redundancy.
     * A bramble that predates disperse refuses it rather than serve it as a distribute volume.
     */
    static final int FORMAT_DISPERSE = 3;
    /**
     * Added to the format of a volume that lost or is losing subvolumes to remove-brick: its
     * removed and decommissioned subvolume numbers follow the format's fields, each list as
     * a count and the numbers. A bramble that predates remove-brick refuses such a record
     * rather than name the volume's subvolumes wrongly.
     */
    static final int RETIRED_FLAG = 0x40;
    /** Longest brick host, in bytes of UTF-8 (a DNS name is at most 253 characters). */
    public static final int HOST_BYTES_MAX = 255;
    /** Longest brick path, in bytes of UTF-8. */
    public static final int PATH_BYTES_MAX = 1024;
    /** Longest option name and value, in bytes of UTF-8. */
    public static final int OPTION_NAME_BYTES_MAX = 128;
    public static final int OPTION_VALUE_BYTES_MAX = 4096;
    private static final int TRANSPORT_BYTES_MAX = 16;

    @Override
    public byte[] encode(VolumeSpec v) {
        int format = v.dispersed()
                ? FORMAT_DISPERSE
                : v.stripeCount() > 1 ? FORMAT_STRIPE : FORMAT;
        boolean retired = !v.retired().equals(RetiredSets.NONE);
        if (retired) {
            format |= RETIRED_FLAG;
        }
        WireWriter out = new WireWriter().u8(format).string(v.name()).uuid(v.id())
                .i32(v.replicaCount()).bool(v.arbiter()).string(v.transport())
                .u8(v.status().ordinal()).i32(v.bricks().size());
        for (Brick b : v.bricks()) {
            out.string(b.host()).string(b.path()).uuid(b.nodeId());
        }
        out.i32(v.options().size());
        v.options().forEach((key, value) -> out.string(key).string(value));
        if (v.stripeCount() > 1) {
            out.i32(v.stripeCount());
        }
        if (v.dispersed()) {
            out.i32(v.disperseCount()).i32(v.redundancyCount());
        }
        if (retired) {
            numbers(out, v.retired().removed());
            numbers(out, v.retired().decommissioned());
        }
        return out.toByteArray();
    }

    private static void numbers(WireWriter out, List<Integer> numbers) {
        out.i32(numbers.size());
        numbers.forEach(out::i32);
    }

    private static List<Integer> numbers(WireReader in) throws MalformedFrameException {
        int count = in.count(RetiredSets.NUMBERS_MAX);
        List<Integer> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(in.i32());
        }
        return numbers;
    }

    @Override
    public VolumeSpec decode(byte[] bytes) throws MalformedFrameException {
        WireReader in = new WireReader(bytes);
        int flagged = in.u8();
        boolean retiredFollow = (flagged & RETIRED_FLAG) != 0;
        int format = flagged & ~RETIRED_FLAG;
        if (format != FORMAT && format != FORMAT_STRIPE && format != FORMAT_DISPERSE) {
            throw new MalformedFrameException("volume record format " + format + " (this"
                    + " bramble reads " + FORMAT + " to " + FORMAT_DISPERSE + ")");
        }
        String name = in.string(VolumeNames.NAME_CHARS_MAX);
        UUID id = in.uuid();
        int replicaCount = in.i32();
        boolean arbiter = in.bool();
        String transport = in.string(TRANSPORT_BYTES_MAX);
        int status = in.u8();
        if (status >= VolumeStatus.values().length) {
            throw new MalformedFrameException("unknown volume status " + status);
        }
        int brickCount = in.count(VolumeSpec.BRICKS_MAX);
        List<Brick> bricks = new ArrayList<>(brickCount);
        for (int i = 0; i < brickCount; i++) {
            bricks.add(new Brick(in.string(HOST_BYTES_MAX), in.string(PATH_BYTES_MAX),
                    in.uuid()));
        }
        int optionCount = in.count(VolumeSpec.OPTIONS_MAX);
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < optionCount; i++) {
            options.put(in.string(OPTION_NAME_BYTES_MAX), in.string(OPTION_VALUE_BYTES_MAX));
        }
        int stripeCount = format == FORMAT_STRIPE ? in.i32() : 1;
        int disperseCount = format == FORMAT_DISPERSE ? in.i32() : 0;
        int redundancyCount = format == FORMAT_DISPERSE ? in.i32() : 0;
        List<Integer> removed = retiredFollow ? numbers(in) : List.of();
        List<Integer> decommissioned = retiredFollow ? numbers(in) : List.of();
        in.end();
        if (format == FORMAT_DISPERSE && disperseCount < 3) {
            throw new MalformedFrameException("disperse count " + disperseCount);
        }
        if (format == FORMAT_STRIPE && stripeCount < 2) {
            throw new MalformedFrameException("stripe count " + stripeCount);
        }
        if (VolumeNames.problem(name).isPresent() || options.size() != optionCount) {
            throw new MalformedFrameException("bad volume record '" + name + "'");
        }
        try {
            return new VolumeSpec(name, id, stripeCount, replicaCount, arbiter, transport,
                    bricks, VolumeStatus.values()[status], options, disperseCount,
                    redundancyCount, new RetiredSets(removed, decommissioned));
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("bad volume record: " + e.getMessage());
        }
    }
}
