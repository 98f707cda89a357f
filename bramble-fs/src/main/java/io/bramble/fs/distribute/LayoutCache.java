package io.bramble.fs.distribute;

import io.bramble.common.check.Checks;
import io.bramble.common.time.Clock;
import io.bramble.fs.ops.FsPath;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layouts of recently used directories, so that placing a name costs no round trip. The
 * least recently used entry goes when the cache is full. A directory's layout changes when
 * the directory does (rmdir, rename: those go through {@link #forget}) and when another client
 * spreads it over new subvolumes ({@code volume rebalance NAME fix-layout}): an entry older
 * than {@code keepMs} is read again, so a client places names by a fixed layout within that
 * time. Until then it places them by the old layout, where every client still finds them.
 */
final class LayoutCache {
    private record Read(Layout layout, long readMs) {}

    private final Map<FsPath, Read> layouts;
    private final long keepMs;
    private final Clock clock;

    LayoutCache(int layoutsMax, long keepMs, Clock clock) {
        Checks.argument(layoutsMax >= 1, "layoutsCachedMax must be at least 1");
        Checks.argument(keepMs >= 0, "keepMs must not be negative");
        this.keepMs = keepMs;
        this.clock = clock;
        this.layouts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<FsPath, Read> eldest) {
                return size() > layoutsMax;
            }
        };
    }

    /** The layout of {@code dir} read less than {@code keepMs} ago; null when there is none. */
    synchronized Layout get(FsPath dir) {
        Read entry = layouts.get(dir);
        if (entry == null) {
            return null;
        }
        if (clock.millis() - entry.readMs() >= keepMs) {
            layouts.remove(dir);
            return null;
        }
        return entry.layout();
    }

    synchronized void put(FsPath dir, Layout layout) {
        layouts.put(dir, new Read(layout, clock.millis()));
    }

    /** Forgets {@code dir} and every directory below it. */
    synchronized void forget(FsPath dir) {
        layouts.keySet().removeIf(path -> path.startsWith(dir));
    }

    /** Forgets every layout: the subvolumes changed. */
    synchronized void clear() {
        layouts.clear();
    }

    synchronized int size() {
        return layouts.size();
    }
}
