package io.bramble.fs.brick.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Gathers the pieces of a frame as TLS hands them over (16 KiB or so each) into one buffer
 * sized for the whole frame as soon as its length is known. Netty's default grows its buffer
 * by doubling, which copies a megabyte of file data about twice more and allocates buffers
 * of every size on the way. A length over {@link FrameCodec#FRAME_BYTES_MAX} is not trusted
 * for sizing; the frame decoder refuses it.
 */
final class FrameCumulator implements ByteToMessageDecoder.Cumulator {
    /** Bytes of the length before each frame body. */
    static final int LENGTH_BYTES = 4;

    @Override
    public ByteBuf cumulate(ByteBufAllocator alloc, ByteBuf cumulation, ByteBuf in) {
        if (!cumulation.isReadable() && in.isContiguous()) {
            cumulation.release();
            return in;
        }
        try {
            int required = in.readableBytes();
            if (required > cumulation.writableBytes() || cumulation.refCnt() > 1
                    || cumulation.isReadOnly()) {
                int wanted = Math.max(cumulation.readableBytes() + required, frameBytes(
                        cumulation, in));
                ByteBuf whole = alloc.buffer(wanted);
                whole.writeBytes(cumulation);
                cumulation.release();
                cumulation = whole;
            }
            cumulation.writeBytes(in, in.readerIndex(), required);
            in.readerIndex(in.writerIndex());
            return cumulation;
        } finally {
            in.release();
        }
    }

    /** The bytes of the frame that starts {@code cumulation}, length included; 0 if unknown. */
    static int frameBytes(ByteBuf cumulation, ByteBuf in) {
        int known = cumulation.readableBytes();
        if (known + in.readableBytes() < LENGTH_BYTES) {
            return 0;
        }
        int length = 0;
        for (int i = 0; i < LENGTH_BYTES; i++) {
            int b = i < known
                    ? cumulation.getUnsignedByte(cumulation.readerIndex() + i)
                    : in.getUnsignedByte(in.readerIndex() + i - known);
            length = length << 8 | b;
        }
        return length >= 0 && length <= FrameCodec.FRAME_BYTES_MAX ? LENGTH_BYTES + length : 0;
    }
}
