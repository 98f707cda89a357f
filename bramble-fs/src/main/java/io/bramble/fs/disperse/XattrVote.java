package io.bramble.fs.disperse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What D children of a disperse set agree on, for a read of xattrs when every child that
 * answered missed some change (each is marked): each acknowledged change of an xattr reached
 * at least D children, and M < D, so a value (or the absence of a name) that D children hold
 * is the newest one; when none has D, the answer is not known.
 */
final class XattrVote {
    private XattrVote() {
    }

    /**
     * The value at least {@code dataCount} of {@code values} hold (empty: the name is absent),
     * or null when none has that many.
     */
    static Optional<byte[]> value(List<Optional<byte[]>> values, int dataCount) {
        Map<Optional<ByteBuffer>, Integer> counts = new HashMap<>();
        for (Optional<byte[]> value : values) {
            Optional<ByteBuffer> key = value.map(ByteBuffer::wrap);
            if (counts.merge(key, 1, Integer::sum) >= dataCount) {
                return value;
            }
        }
        return null;
    }

    /**
     * The names at least {@code dataCount} of {@code lists} hold, or null when a name is
     * neither held nor lacked by that many.
     */
    static List<String> names(List<List<String>> lists, int dataCount) {
        Set<String> all = new TreeSet<>();
        lists.forEach(all::addAll);
        List<Set<String>> sets = new ArrayList<>();
        lists.forEach(list -> sets.add(new HashSet<>(list)));
        List<String> agreed = new ArrayList<>();
        for (String name : all) {
            long holders = sets.stream().filter(set -> set.contains(name)).count();
            if (holders >= dataCount) {
                agreed.add(name);
            } else if (sets.size() - holders < dataCount) {
                return null;
            }
        }
        return agreed;
    }
}
