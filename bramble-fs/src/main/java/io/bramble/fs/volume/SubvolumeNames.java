package io.bramble.fs.volume;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names distribute calls a volume's subvolumes by, in the volume's order:
 * {@code VOLUME-disperse-N}, {@code VOLUME-stripe-N} or {@code VOLUME-replicate-N} (a lone
 * brick too). They are written into every directory's layout, so a volume's subvolume keeps
 * its name for the volume's life: {@code add-brick} appends subvolumes, whose names follow,
 * and {@code remove-brick} never gives a removed subvolume's number to another
 * ({@link RetiredSets}).
 */
public final class SubvolumeNames {
    private SubvolumeNames() {
    }

    /** The name of distribute's subvolume {@code index} of {@code volume}. */
    public static String of(VolumeSpec volume, int index) {
        return numbered(volume, volume.subvolumeNumber(index));
    }

    private static String numbered(VolumeSpec volume, int number) {
        String kind = volume.dispersed()
                ? "-disperse-"
                : volume.stripeCount() > 1 ? "-stripe-" : "-replicate-";
        return volume.name() + kind + number;
    }

    /** The names of the subvolumes remove-brick took from {@code volume}. */
    public static Set<String> removed(VolumeSpec volume) {
        Set<String> names = new HashSet<>();
        volume.retired().removed().forEach(n -> names.add(numbered(volume, n)));
        return names;
    }

    /** The names of every subvolume of {@code volume}, in order. */
    public static List<String> all(VolumeSpec volume) {
        List<String> names = new ArrayList<>(volume.distributeCount());
        for (int i = 0; i < volume.distributeCount(); i++) {
            names.add(of(volume, i));
        }
        return names;
    }
}
