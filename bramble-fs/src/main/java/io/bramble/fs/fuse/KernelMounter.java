package io.bramble.fs.fuse;

import io.bramble.common.os.LinuxException;
import java.nio.file.Path;

/** Mounting as root: open /dev/fuse and call mount(2) and umount2(2) directly. */
final class KernelMounter implements Mounter {
    static final String DEVICE = "/dev/fuse";

    @Override
    public int mount(Path mountPoint, String source, FuseOptions options)
            throws LinuxException {
        MountOptions.checkSource(source);
        int fd = Libc.open(DEVICE, Libc.O_RDWR | Libc.O_CLOEXEC);
        try {
            Libc.mount(source, mountPoint.toString(), MountOptions.TYPE, 0,
                    MountOptions.kernelData(fd, Libc.geteuid(), Libc.getegid(),
                            options.allowOther()));
            return fd;
        } catch (LinuxException e) {
            Libc.close(fd);
            throw e;
        }
    }

    @Override
    public void unmount(Path mountPoint) throws LinuxException {
        try {
            Libc.umount2(mountPoint.toString(), 0);
        } catch (LinuxException e) {
            switch (e.errno()) {
                case Libc.EBUSY -> Libc.umount2(mountPoint.toString(), Libc.MNT_DETACH);
                case Libc.EINVAL, Libc.ENOENT -> {
                    // not mounted any more: someone unmounted it already
                }
                default -> throw e;
            }
        }
    }
}
