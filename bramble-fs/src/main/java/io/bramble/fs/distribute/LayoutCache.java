package io.bramble.fs.distribute;

import io.bramble.common.check.Checks;
import io.bramble.fs.ops.FsPath;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layouts of recently used directories, so that placing a name costs no round trip. The
 * least recently used entry goes when the cache is full. A directory's layout changes only
 * when the directory does (rmdir, rename), and those go through {@link #forget}.
 */
final class LayoutCache {
    private final Map<FsPath, Layout> layouts;

    LayoutCache(int layoutsMax) {
        Checks.argument(layoutsMax >= 1, "layoutsCachedMax must be at least 1");
        this.layouts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<FsPath, Layout> eldest) {
                return size() > layoutsMax;
            }
        };
    }

    synchronized Layout get(FsPath dir) {
        return layouts.get(dir);
    }

    synchronized void put(FsPath dir, Layout layout) {
        layouts.put(dir, layout);
    }

    /** Forgets {@code dir} and every directory below it. */
    synchronized void forget(FsPath dir) {
        layouts.keySet().removeIf(path -> path.startsWith(dir));
    }

    synchronized int size() {
        return layouts.size();
    }
}
