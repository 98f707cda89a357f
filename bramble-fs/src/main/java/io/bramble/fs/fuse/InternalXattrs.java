package io.bramble.fs.fuse;

import java.util.List;

/**
 * The extended attributes bramble's layers keep for themselves (file ids, versions, pending
 * changes). Applications must neither see nor touch them: reads find nothing, changes are
 * refused, listings leave them out.
 */
final class InternalXattrs {
    static final List<String> PREFIXES = List.of("trusted.bramble.", "user.bramble.");

    private InternalXattrs() {
    }

    static boolean isInternal(String name) {
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static List<String> visible(List<String> names) {
        return names.stream().filter(name -> !isInternal(name)).toList();
    }
}
