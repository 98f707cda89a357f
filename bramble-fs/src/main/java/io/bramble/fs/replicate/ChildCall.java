package io.bramble.fs.replicate;

import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;

/** One call to one copy. */
@FunctionalInterface
interface ChildCall<T> {
    T call(int child, FileOps copy) throws FsException;
}
