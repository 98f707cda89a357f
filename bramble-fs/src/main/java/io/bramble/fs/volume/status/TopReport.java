package io.bramble.fs.volume.status;

import io.bramble.fs.brick.profile.OpenFiles;
import io.bramble.fs.brick.profile.TopEntry;
import io.bramble.fs.volume.Brick;
import java.util.List;
import java.util.Optional;

/**
 * One brick's answer to {@code volume top}: its most called files, its open files (for
 * {@code open}) or the throughput it measured (for {@code read-perf} and {@code write-perf}).
 * A brick whose machine did not answer, or that is not served, is {@link #unreachable}.
 */
public record TopReport(Brick brick, boolean reachable, Optional<OpenFiles> open,
        List<TopEntry> files, Optional<Throughput> perf) {
    public TopReport {
        files = List.copyOf(files);
    }

    /** {@code bytes} moved in {@code micros} microseconds. */
    public record Throughput(long bytes, long micros) {
        /** Megabytes (10^6) a second: bytes per microsecond, as Gluster reckons it. */
        public double mbps() {
            return micros == 0 ? 0 : (double) bytes / micros;
        }
    }

    public static TopReport unreachable(Brick brick) {
        return new TopReport(brick, false, Optional.empty(), List.of(), Optional.empty());
    }
}
