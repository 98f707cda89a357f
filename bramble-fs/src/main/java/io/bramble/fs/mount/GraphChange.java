package io.bramble.fs.mount;

import io.bramble.fs.volume.VolumeSpec;

/**
 * How a volume's record changed under a running mount, as far as its translators go: not at
 * all, by whole subvolumes appended (an {@code add-brick}), which a mount takes on without a
 * remount, or otherwise (a replaced brick, changed counts, another volume of the same name),
 * which needs a remount: Gluster's clients switch to a new graph, while a bramble mount keeps
 * the files it has open on the translators it built.
 */
public sealed interface GraphChange {
    /** The bricks and their shape are as the mount has them. */
    record Same() implements GraphChange {}

    /** Subvolumes {@code first} and on were appended; the ones before are unchanged. */
    record Appended(int first) implements GraphChange {}

    /** Any other change; {@code why} says what, for the log. */
    record Other(String why) implements GraphChange {}

    /** What changed from {@code running}, the volume a mount built, to {@code fetched}. */
    static GraphChange between(VolumeSpec running, VolumeSpec fetched) {
        if (!running.id().equals(fetched.id())) {
            return new Other("volume " + fetched.name() + " was deleted and made again");
        }
        if (running.setSize() != fetched.setSize()
                || running.replicaCount() != fetched.replicaCount()
                || running.stripeCount() != fetched.stripeCount()
                || running.disperseCount() != fetched.disperseCount()
                || running.redundancyCount() != fetched.redundancyCount()
                || running.arbiter() != fetched.arbiter()) {
            return new Other("the shape of volume " + fetched.name() + " changed (now "
                    + fetched.type().shown() + ")");
        }
        int before = running.bricks().size();
        if (fetched.bricks().size() < before
                || !fetched.bricks().subList(0, before).equals(running.bricks())) {
            return new Other("bricks of volume " + fetched.name() + " were replaced or"
                    + " removed");
        }
        return fetched.bricks().size() == before
                ? new Same()
                : new Appended(running.distributeCount());
    }
}
