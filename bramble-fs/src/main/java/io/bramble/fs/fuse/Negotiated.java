package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.InitReply;

/**
 * What bramble settled with the kernel at INIT: the protocol minor both speak and the
 * capabilities both agreed on. Later requests are laid out for this minor.
 */
record Negotiated(int kernelMinor, InitReply reply) {
    int minor() {
        return reply.minor();
    }

    int flags() {
        return reply.flags();
    }

    boolean has(int flag) {
        return (reply.flags() & flag) == flag;
    }

    int maxWriteBytes() {
        return reply.maxWriteBytes();
    }

    @Override
    public String toString() {
        return "FUSE 7." + minor() + " (kernel 7." + kernelMinor + "), max_write "
                + maxWriteBytes() + ", " + String.join(" ", InitFlags.names(flags()));
    }
}
