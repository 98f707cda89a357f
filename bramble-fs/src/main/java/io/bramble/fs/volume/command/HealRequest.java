package io.bramble.fs.volume.command;

import java.util.Optional;

/** What {@code volume heal NAME ...} asks for, once {@link HealLine} has read its words. */
sealed interface HealRequest {
    /** {@code volume heal NAME [full]}: a heal pass now on every member. */
    record Start(boolean full) implements HealRequest {}

    /** {@code info}: the files each brick's index lists. */
    record Info() implements HealRequest {}

    /** {@code info summary}: each brick's counts. */
    record Summary() implements HealRequest {}

    /** {@code info split-brain}: the listed files that are in split-brain. */
    record SplitBrainInfo() implements HealRequest {}

    /** {@code statistics heal-count}. */
    record HealCount() implements HealRequest {}

    /** {@code split-brain bigger-file FILE}. */
    record BiggerFile(String file) implements HealRequest {}

    /** {@code split-brain latest-mtime FILE}. */
    record LatestMtime(String file) implements HealRequest {}

    /**
     * {@code split-brain source-brick HOST:PATH [FILE]}: FILE, or every file in split-brain of
     * the brick's replica set, from that brick.
     *
     * @param brick the brick as typed, {@code HOST:PATH}
     */
    record SourceBrick(String brick, Optional<String> file) implements HealRequest {}
}
