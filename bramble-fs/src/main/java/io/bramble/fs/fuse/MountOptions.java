package io.bramble.fs.fuse;

import io.bramble.common.check.Checks;

/**
 * The option strings a FUSE mount is made with. {@code default_permissions} is always on:
 * the kernel checks permissions against the attributes bramble returns, so the layers need
 * not. {@code allow_other} lets users other than the mounting one in.
 */
final class MountOptions {
    /** What df and /proc/mounts show as the type: fuse.bramble. */
    static final String SUBTYPE = "bramble";
    static final String TYPE = "fuse." + SUBTYPE;
    /** The root's type bits in octal, as the kernel parses rootmode. */
    private static final String ROOT_MODE = "40000";

    private MountOptions() {
    }

    /** The data argument of mount(2) for a device opened as {@code fd}. */
    static String kernelData(int fd, int uid, int gid, boolean allowOther) {
        return "fd=" + fd + ",rootmode=" + ROOT_MODE + ",user_id=" + uid + ",group_id=" + gid
                + ",default_permissions" + (allowOther ? ",allow_other" : "");
    }

    /** The -o argument of fusermount3, which adds fd, rootmode and the ids itself. */
    static String fusermount(String source, boolean allowOther) {
        checkSource(source);
        return "fsname=" + source + ",subtype=" + SUBTYPE + ",default_permissions"
                + (allowOther ? ",allow_other" : "");
    }

    /** Sources show in /proc/mounts; fusermount3 splits its options at commas. */
    static void checkSource(String source) {
        Checks.argument(!source.isEmpty(), "the mount source is empty");
        Checks.argument(source.indexOf(',') < 0 && source.chars().noneMatch(
                c -> c < 0x20 || Character.isWhitespace(c)), "the mount source '" + source
                        + "' has a comma, a space or a control character");
    }
}
