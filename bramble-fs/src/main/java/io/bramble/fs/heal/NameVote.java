package io.bramble.fs.heal;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.FileType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The names of a folder whose every copy another blames, as most of its copies hold them,
 * with no I/O. Each name where the copies differ goes to what more than half of them hold
 * there: one file (the same id and type) or nothing. An acknowledged change reached more than
 * half of the copies, so each name's last acknowledged change is what most copies show,
 * unless a change that was refused (and may have happened) took its place on some of them.
 * A name where no answer has more than half the copies is not decided.
 */
final class NameVote {
    private NameVote() {
    }

    /**
     * What most copies hold at one name.
     *
     * @param attr the file's attributes as copy {@code holder} has them; null for no file
     * @param holder a copy that holds the file, or -1
     */
    record Winner(String name, Attr attr, int holder) {
        boolean absent() {
            return attr == null;
        }
    }

    /**
     * @param names each copy's names with their attributes, in the set's order
     * @return the winner at each name where the copies differ, in name order; empty when some
     *     such name has no majority
     */
    static Optional<List<Winner>> decide(List<Map<String, Attr>> names) {
        TreeSet<String> all = new TreeSet<>();
        for (Map<String, Attr> copy : names) {
            all.addAll(copy.keySet());
        }
        List<Winner> winners = new ArrayList<>();
        for (String name : all) {
            Map<String, Integer> votes = new HashMap<>();
            Map<String, Integer> holders = new HashMap<>();
            for (int copy = 0; copy < names.size(); copy++) {
                String key = key(names.get(copy).get(name));
                votes.merge(key, 1, Integer::sum);
                holders.putIfAbsent(key, copy);
            }
            if (votes.size() == 1) {
                continue;
            }
            Optional<String> most = votes.entrySet().stream()
                    .filter(vote -> 2 * vote.getValue() > names.size())
                    .map(Map.Entry::getKey).findFirst();
            if (most.isEmpty()) {
                return Optional.empty();
            }
            int holder = holders.get(most.get());
            Attr attr = names.get(holder).get(name);
            winners.add(new Winner(name, attr, attr == null ? -1 : holder));
        }
        return Optional.of(winners);
    }

    private static String key(Attr attr) {
        return attr == null ? "" : attr.id() + " " + FileType.of(attr.mode());
    }
}
