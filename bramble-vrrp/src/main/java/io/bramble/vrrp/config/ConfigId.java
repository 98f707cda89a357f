package io.bramble.vrrp.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * keepalived's configuration id, which selects the {@code @NAME} lines of a file: given with
 * {@code -i}/{@code --config-id}, otherwise the host name up to its first dot, as
 * {@code uname -n} prints it.
 */
public final class ConfigId {
    /** Where Linux keeps the name {@code uname -n} prints. */
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");
    /** A host name is at most 64 bytes on Linux. */
    private static final int HOSTNAME_CHARS_MAX = 64;

    private ConfigId() {
    }

    /** This host's default id; empty when the name cannot be read. */
    public static String thisHost() {
        try {
            return ofHostName(Files.readString(KERNEL_HOSTNAME, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "";
        }
    }

    /** The id keepalived derives from a host name: the part before the first dot. */
    static String ofHostName(String hostName) {
        String name = hostName.strip();
        if (name.length() > HOSTNAME_CHARS_MAX) {
            name = name.substring(0, HOSTNAME_CHARS_MAX);
        }
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
