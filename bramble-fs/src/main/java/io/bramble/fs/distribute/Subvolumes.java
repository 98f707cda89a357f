package io.bramble.fs.distribute;

import io.bramble.common.check.Checks;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Distribute's children, by position and by the name layouts and pointers use. The list only
 * grows ({@link #append}, when a volume takes new subvolumes): a position, once given, keeps
 * its subvolume for good, so a reader that saw {@link #count} subvolumes may ask for any of
 * them while others are appended. Each state is published whole.
 */
final class Subvolumes {
    /** One published state: the children, their names, and the position of each name. */
    private record State(List<Subvolume> list, List<String> names,
            Map<String, Integer> indexByName) {}

    private volatile State state;

    Subvolumes(List<Subvolume> subvolumes) {
        Checks.argument(!subvolumes.isEmpty(), "distribute needs at least one subvolume");
        this.state = grown(new State(List.of(), List.of(), Map.of()), subvolumes);
    }

    /** Appends {@code more} after the subvolumes there are; their positions follow. */
    synchronized void append(List<Subvolume> more) {
        state = grown(state, more);
    }

    private static State grown(State before, List<Subvolume> more) {
        List<Subvolume> list = new ArrayList<>(before.list());
        list.addAll(more);
        Checks.argument(list.size() <= Layout.RANGES_MAX,
                "distribute takes at most " + Layout.RANGES_MAX + " subvolumes");
        Map<String, Integer> indexByName = new HashMap<>(before.indexByName());
        for (int i = before.list().size(); i < list.size(); i++) {
            String name = list.get(i).name();
            Checks.argument(indexByName.put(name, i) == null, "two subvolumes are named "
                    + name);
        }
        return new State(List.copyOf(list), list.stream().map(Subvolume::name).toList(),
                Map.copyOf(indexByName));
    }

    int count() {
        return state.list().size();
    }

    boolean single() {
        return state.list().size() == 1;
    }

    FileOps ops(int index) {
        return state.list().get(index).ops();
    }

    String name(int index) {
        return state.names().get(index);
    }

    /** The names of the subvolumes there are now, in order. */
    List<String> names() {
        return state.names();
    }

    /** The position of the subvolume called {@code name}, or -1 when there is none. */
    int indexOf(String name) {
        return state.indexByName().getOrDefault(name, -1);
    }

    /** Whether a failure means the subvolume did not answer (rather than answered no). */
    static boolean unreachable(FsException e) {
        return e.errno() == Errno.ENOTCONN || e.errno() == Errno.ETIMEDOUT;
    }
}
