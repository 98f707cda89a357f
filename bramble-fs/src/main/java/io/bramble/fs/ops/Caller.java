package io.bramble.fs.ops;

import io.bramble.common.check.Checks;

/**
 * Who asked: the process's uid, gid and supplementary groups as the kernel reported them.
 * Files a caller creates belong to it; bricks run as root and apply these on its behalf.
 */
public record Caller(int uid, int gid, int[] groups, int pid) {
    /** The kernel sends at most this many supplementary groups; more are refused. */
    public static final int GROUPS_MAX = 65_536;

    public static final Caller ROOT = new Caller(0, 0, new int[0], 0);

    public Caller {
        Checks.argument(groups.length <= GROUPS_MAX, "too many groups: " + groups.length);
        groups = groups.clone();
    }

    @Override
    public int[] groups() {
        return groups.clone();
    }

    public boolean isRoot() { return uid == 0; }

    /** Whether {@code gid} is the caller's group or one of its supplementary groups. */
    public boolean inGroup(int gid) {
        if (this.gid == gid) {
            return true;
        }
        for (int group : groups) {
            if (group == gid) {
                return true;
            }
        }
        return false;
    }
}
