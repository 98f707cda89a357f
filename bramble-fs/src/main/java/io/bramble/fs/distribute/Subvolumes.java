package io.bramble.fs.distribute;

import io.bramble.common.check.Checks;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Distribute's children, by position and by the name layouts and pointers use. */
final class Subvolumes {
    private final List<Subvolume> list;
    private final List<String> names;
    private final Map<String, Integer> indexByName = new HashMap<>();

    Subvolumes(List<Subvolume> subvolumes) {
        Checks.argument(!subvolumes.isEmpty(), "distribute needs at least one subvolume");
        Checks.argument(subvolumes.size() <= Layout.RANGES_MAX,
                "distribute takes at most " + Layout.RANGES_MAX + " subvolumes");
        this.list = List.copyOf(subvolumes);
        this.names = list.stream().map(Subvolume::name).toList();
        for (int i = 0; i < list.size(); i++) {
            Checks.argument(indexByName.put(names.get(i), i) == null,
                    "two subvolumes are named " + names.get(i));
        }
    }

    int count() {
        return list.size();
    }

    boolean single() {
        return list.size() == 1;
    }

    FileOps ops(int index) {
        return list.get(index).ops();
    }

    String name(int index) {
        return names.get(index);
    }

    List<String> names() {
        return names;
    }

    /** The position of the subvolume called {@code name}, or -1 when there is none. */
    int indexOf(String name) {
        return indexByName.getOrDefault(name, -1);
    }

    /** Whether a failure means the subvolume did not answer (rather than answered no). */
    static boolean unreachable(FsException e) {
        return e.errno() == Errno.ENOTCONN || e.errno() == Errno.ETIMEDOUT;
    }
}
