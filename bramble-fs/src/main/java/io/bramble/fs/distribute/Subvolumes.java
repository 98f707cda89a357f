package io.bramble.fs.distribute;

import io.bramble.common.check.Checks;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Distribute's children, by position and by the name layouts and pointers use. The list only
 * grows ({@link #append}, when a volume takes new subvolumes): a position, once given, keeps
 * its subvolume for good, so a reader that saw {@link #count} subvolumes may ask for any of
 * them while others are appended. Each state is published whole.
 *
 * <p>A subvolume {@code remove-brick} is emptying is <em>decommissioned</em>: it keeps its
 * position and its files are still found there, but no layout gives it a range, so nothing
 * new is placed on it. Once removed, its position holds a {@link RemovedSubvolume}.
 */
final class Subvolumes {
    /** One published state: the children, their names, and the position of each name. */
    private record State(List<Subvolume> list, List<String> names,
            Map<String, Integer> indexByName, Set<Integer> decommissioned,
            Set<Integer> removed, Set<String> removedNames) {}

    private volatile State state;

    Subvolumes(List<Subvolume> subvolumes) {
        Checks.argument(!subvolumes.isEmpty(), "distribute needs at least one subvolume");
        this.state = grown(new State(List.of(), List.of(), Map.of(), Set.of(), Set.of(),
                Set.of()),
                subvolumes);
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
                Map.copyOf(indexByName), before.decommissioned(), before.removed(),
                before.removedNames());
    }

    /**
     * Marks the subvolumes named in {@code decommissioned} (and no others) as being emptied,
     * and those named in {@code removed} as gone for good; of names this client does not have,
     * only that they were removed is kept. Returns the children that removal took out, for
     * the caller to close.
     */
    synchronized List<FileOps> retire(Set<String> decommissioned, Set<String> removed) {
        State before = state;
        List<Subvolume> list = new ArrayList<>(before.list());
        Set<Integer> gone = new HashSet<>(before.removed());
        List<FileOps> taken = new ArrayList<>();
        for (String name : removed) {
            Integer index = before.indexByName().get(name);
            if (index != null && gone.add(index)) {
                taken.add(list.get(index).ops());
                list.set(index, new Subvolume(name, new RemovedSubvolume()));
            }
        }
        Set<Integer> draining = new HashSet<>();
        for (String name : decommissioned) {
            Integer index = before.indexByName().get(name);
            if (index != null && !gone.contains(index)) {
                draining.add(index);
            }
        }
        Checks.argument(draining.size() + gone.size() < list.size(),
                "distribute keeps at least one subvolume to place files on");
        Set<String> goneNames = new HashSet<>(before.removedNames());
        goneNames.addAll(removed);
        Checks.argument(goneNames.size() <= 2 * Layout.RANGES_MAX, "too many removed subvolumes");
        state = new State(List.copyOf(list), before.names(), before.indexByName(), Set.copyOf(
                draining), Set.copyOf(gone), Set.copyOf(goneNames));
        return taken;
    }

    /** Whether new names may be placed on subvolume {@code index}. */
    boolean placeable(int index) {
        State now = state;
        return !now.decommissioned().contains(index) && !now.removed().contains(index);
    }

    /** Whether subvolume {@code index} is being emptied by remove-brick. */
    boolean decommissioned(int index) {
        return state.decommissioned().contains(index);
    }

    /**
     * Whether a subvolume called {@code name} was removed from the volume, whether this
     * client had it or not: layouts written before may still name it.
     */
    boolean wasRemoved(String name) {
        return state.removedNames().contains(name);
    }

    /** Whether subvolume {@code index} was removed from the volume. */
    boolean removed(int index) {
        return state.removed().contains(index);
    }

    /** The names of the subvolumes new names may be placed on, in order. */
    List<String> placeableNames() {
        State now = state;
        List<String> names = new ArrayList<>(now.names().size());
        for (int i = 0; i < now.names().size(); i++) {
            if (!now.decommissioned().contains(i) && !now.removed().contains(i)) {
                names.add(now.names().get(i));
            }
        }
        return names;
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
