package io.bramble.testkit.netns;

import io.bramble.common.os.ProcessUser;
import io.bramble.testkit.exec.Programs;
import org.junit.jupiter.api.Assumptions;

/**
 * What a lab needs: Linux, root and the {@code ip} command. A test on a machine without them is
 * skipped with a message that says what is missing, never failed.
 */
public final class LabRequirements {
    private LabRequirements() {
    }

    /** Skips the calling test unless a lab can be made here. */
    public static void assumeMet() {
        Assumptions.assumeTrue(ProcessUser.isRoot(), "skipped: network-namespace labs need root"
                + " (ip netns, veth, bridge); run the tests as root to include this test");
        Assumptions.assumeTrue(Ip.binary().isPresent(), "skipped: network-namespace labs need"
                + " the ip command (Debian package iproute2)");
    }

    /** Skips the calling test unless {@code program} is on PATH, naming the package to add. */
    public static void assumeCommand(String program, String debianPackage) {
        Assumptions.assumeTrue(Programs.find(program).isPresent(),
                "skipped: this test needs the " + program
                        + " command (Debian package " + debianPackage + ")");
    }
}
