package io.bramble.fs.replicate;

/** Told of each blame a change records, so open files keep what their markers say. */
@FunctionalInterface
interface BlameSink {
    BlameSink NONE = (blamer, blamed) -> {
    };

    void blamed(int blamer, ChildSet blamed);
}
