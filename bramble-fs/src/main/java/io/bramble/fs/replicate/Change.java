package io.bramble.fs.replicate;

import io.bramble.fs.ops.FsPath;
import java.util.List;
import java.util.function.Consumer;

/**
 * One change to run on the copies.
 *
 * @param scope the copies the change concerns: those it counts, blames and may send to
 * @param reachable the copies to send it to (up, and holding the file or a handle)
 * @param fresh the copies nobody blamed for the changed object before the change
 * @param markAt where blame goes: the file itself, or the parent directories of an entry
 *     change; empty when the file has no name left (its blame then lives in memory only)
 * @param kind which counter the blame counts in
 * @param sink told of each blame recorded
 * @param call the change itself, on one copy
 * @param undo releases what a copy returned when the change is not acknowledged, or when
 *     the copy answered too late (a handle a create opened)
 * @param removal what a change that takes a file away removes; null for other changes
 */
record Change<T>(ChildSet scope, ChildSet reachable, ChildSet fresh, List<FsPath> markAt,
        ChangeKind kind, BlameSink sink, ChildCall<T> call, Consumer<T> undo,
        Removal<T> removal) {}
