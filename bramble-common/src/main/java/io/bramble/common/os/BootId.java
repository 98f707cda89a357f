package io.bramble.common.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's id of this boot of the machine: a new random id at every boot, the same for
 * every process until the next. State that must not outlive a reboot is stamped with it.
 */
public final class BootId {
    private static final Path SOURCE = Path.of("/proc/sys/kernel/random/boot_id");

    private BootId() {
    }

    /** This boot's id; empty where the kernel does not tell it. */
    public static String current() {
        try {
            return Files.readString(SOURCE).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
