package io.bramble.fs.brick;

/**
 * One line of {@code /proc/self/mountinfo}.
 *
 * @param root the folder of the file system mounted here (not "/" for bind mounts)
 * @param source the device or what stands for it ({@code /dev/sda1}, {@code tmpfs})
 */
record Mount(
        int deviceMajor,
        int deviceMinor,
        String root,
        String mountPoint,
        String options,
        String fileSystemType,
        String source,
        String superOptions) {}
