package io.bramble.fs.volume.status;

import io.bramble.fs.brick.profile.ProfileStats;
import io.bramble.fs.volume.Brick;
import java.util.List;

/**
 * One brick's windows for {@code volume profile NAME info}, as its machine counted them; a
 * brick whose machine did not answer, or that is not served, is {@link #unreachable}.
 */
public record ProfileReport(Brick brick, boolean reachable, List<ProfileStats> windows) {
    public ProfileReport {
        windows = List.copyOf(windows);
    }

    public static ProfileReport unreachable(Brick brick) {
        return new ProfileReport(brick, false, List.of());
    }
}
