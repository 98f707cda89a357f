package io.bramble.fs.volume.command;

import io.bramble.fs.brick.profile.TopKind;
import java.util.Optional;

/**
 * {@code volume top NAME ...} as read: the files most called by one kind of call, the
 * rankings cleared ({@code clear}), or, for read-perf and write-perf ({@code kind} empty), a
 * measurement of {@code blocks} blocks of {@code blockBytes}.
 *
 * @param brick the one brick asked (HOST:PATH), or every brick
 * @param listCount the most files shown per brick
 */
record TopRequest(Optional<TopKind> kind, boolean readPerf, boolean clear,
        Optional<String> brick, int listCount, int blockBytes, int blocks) {
    boolean perf() {
        return kind.isEmpty() && !clear;
    }
}
