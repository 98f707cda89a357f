package io.bramble.common.os;

import java.util.List;

/**
 * One line of {@code /proc/self/mountinfo} (proc(5)).
 *
 * @param deviceMajor the major number of the mounted file system's device
 * @param deviceMinor its minor number
 * @param root the folder of the file system mounted here (not "/" for bind mounts)
 * @param mountPoint where it is mounted, escapes undone
 * @param options the options of this mount ({@code rw,relatime})
 * @param fileSystemType {@code ext4}, {@code xfs}, {@code fuse.bramble}
 * @param source the device or what stands for it ({@code /dev/sda1}, {@code tmpfs})
 * @param superOptions the options of the file system itself ({@code rw,attr2,inode64})
 */
public record Mount(
        int deviceMajor,
        int deviceMinor,
        String root,
        String mountPoint,
        String options,
        String fileSystemType,
        String source,
        String superOptions) {

    /**
     * The options as {@code /proc/self/mounts} and mount(8) show them: the mount's, then the
     * file system's that the mount's do not already say ({@code rw,relatime,attr2,inode64}).
     */
    public String allOptions() {
        StringBuilder all = new StringBuilder(options);
        List<String> own = List.of(options.split(","));
        for (String option : superOptions.split(",")) {
            if (!option.isEmpty() && !option.equals("rw") && !option.equals("ro")
                    && !own.contains(option)) {
                all.append(',').append(option);
            }
        }
        return all.toString();
    }
}
