package io.bramble.fs.replicate;

import io.bramble.fs.ops.FsPath;
import java.util.function.Function;

/**
 * What a change that takes a file away (unlink, rmdir, a rename over a name) removes, for the
 * judgement of its refusal: a copy that lacks the change may serve the name afterwards only
 * if its file there is one nobody blames.
 *
 * @param source the name a copy that lacks the change still has (the unlinked name, a
 *     rename's old name); a copy without it took the change though it did not say so
 * @param removed the name whose file the change takes away (the unlinked name, a rename's new
 *     name)
 * @param blamedBy the copies that a taker's answer says the removed file's markers blamed
 */
record Removal<T>(FsPath source, FsPath removed, Function<T, ChildSet> blamedBy) {}
