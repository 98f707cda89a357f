package io.bramble.it.fs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.common.os.ProcessUser;
import io.bramble.testkit.exec.Programs;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a test that mounts a volume needs. Without it the test is skipped with a message that
 * says what is missing and how to get it.
 */
final class FuseRequirements {
    private FuseRequirements() {
    }

    /** Root (mount(2) of /dev/fuse, bricks owned by other users), /dev/fuse and umount. */
    static void assumeMountable() {
        assumeTrue(ProcessUser.isRoot(), "skipped: mounting a volume in this test needs root"
                + " (mount(2) on /dev/fuse, brick files owned by other users); run the tests"
                + " as root");
        assumeTrue(Files.exists(Path.of("/dev/fuse")), "skipped: /dev/fuse is missing; load"
                + " the fuse module (modprobe fuse) or, in a container, pass --device"
                + " /dev/fuse");
        assumeProgram("umount", "mount");
    }

    /** Skips unless {@code program} is installed; {@code debianPackage} brings it. */
    static void assumeProgram(String program, String debianPackage) {
        assumeTrue(Programs.find(program).isPresent(), "skipped: " + program + " is missing;"
                + " install Debian's " + debianPackage + " (.ci/run does)");
    }
}
