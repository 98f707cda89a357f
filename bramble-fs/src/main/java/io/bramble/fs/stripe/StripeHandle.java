package io.bramble.fs.stripe;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsPath;

/**
 * A file open through a {@link Stripe}: each child's handle for its piece, in child order, and
 * the name and identity it was opened with, by which its size is asked (a read that meets the
 * end of a piece must know whether the file goes on past it).
 */
record StripeHandle(long[] childHandles, FileId id, Caller caller, FsPath path) {
    StripeHandle {
        childHandles = childHandles.clone();
    }

    long child(int child) {
        return childHandles[child];
    }
}
