package io.bramble.fs.mount;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.SubvolumeNames;
import io.bramble.fs.volume.VolumeSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a volume's record changed under a running mount, as far as its translators go: not at
 * all, by whole subvolumes appended (an {@code add-brick}) or decommissioned and removed (a
 * {@code remove-brick}), which a mount takes on without a remount, or otherwise (a replaced
 * brick, changed counts, another volume of the same name), which needs a remount: Gluster's
 * clients switch to a new graph, while a bramble mount keeps the files it has open on the
 * translators it built.
 */
public sealed interface GraphChange {
    /** The bricks and their shape are as the mount has them. */
    record Same() implements GraphChange {}

    /** Subvolumes {@code first} and on were appended; the ones before are unchanged. */
    record Appended(int first) implements GraphChange {}

    /**
     * Subvolumes were decommissioned, brought back, or removed (the others unchanged, none
     * appended): {@code decommissioned} names the ones being emptied now, {@code removed}
     * the ones that left since.
     */
    record Retired(Set<String> decommissioned, Set<String> removed) implements GraphChange {
        public Retired {
            decommissioned = Set.copyOf(decommissioned);
            removed = Set.copyOf(removed);
        }
    }

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
        if (!running.retired().removed().equals(fetched.retired().removed())) {
            return removal(running, fetched);
        }
        int before = running.bricks().size();
        if (fetched.bricks().size() < before
                || !fetched.bricks().subList(0, before).equals(running.bricks())) {
            return new Other("bricks of volume " + fetched.name() + " were replaced or"
                    + " removed");
        }
        if (fetched.bricks().size() > before) {
            return new Appended(running.distributeCount());
        }
        return running.retired().equals(fetched.retired())
                ? new Same()
                : new Retired(decommissioned(fetched), Set.of());
    }

    /** The names of {@code volume}'s subvolumes being emptied. */
    static Set<String> decommissioned(VolumeSpec volume) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < volume.distributeCount(); i++) {
            if (volume.isDecommissioned(i)) {
                names.add(SubvolumeNames.of(volume, i));
            }
        }
        return names;
    }

    /**
     * A change that removed subvolumes: taken on when every subvolume left has the bricks it
     * had and none was appended at the same time.
     */
    private static GraphChange removal(VolumeSpec running, VolumeSpec fetched) {
        Map<String, List<Brick>> had = new HashMap<>();
        for (int i = 0; i < running.distributeCount(); i++) {
            had.put(SubvolumeNames.of(running, i), running.set(i));
        }
        for (int i = 0; i < fetched.distributeCount(); i++) {
            if (!fetched.set(i).equals(had.remove(SubvolumeNames.of(fetched, i)))) {
                return new Other("bricks of volume " + fetched.name() + " were replaced or"
                        + " added while others were removed");
            }
        }
        return new Retired(decommissioned(fetched), had.keySet());
    }
}
