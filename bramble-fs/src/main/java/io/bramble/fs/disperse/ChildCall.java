package io.bramble.fs.disperse;

import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;

/** One call to one child of a disperse set. */
@FunctionalInterface
interface ChildCall<T> {
    T call(int child, FileOps fragments) throws FsException;
}
