package io.bramble.fs.volume.status;

import io.bramble.fs.volume.Brick;
import java.util.Optional;

/**
 * One brick's line (or block) of {@code volume status}, as its machine reported it; a brick
 * whose machine did not answer is {@link #unreachable}.
 *
 * @param tcpPort the port its server listens on, 0 when it has none
 * @param rdmaPort always 0: bramble serves bricks over TCP only
 * @param pid the process that serves it, 0 when none
 * @param disk the disk under it, when {@code detail} was asked and the machine answered
 */
public record BrickReport(Brick brick, boolean online, int tcpPort, int rdmaPort, long pid,
        Optional<DiskFacts> disk) {
    public static BrickReport unreachable(Brick brick) {
        return new BrickReport(brick, false, 0, 0, 0, Optional.empty());
    }
}
