package io.bramble.fs.mount;

import io.bramble.common.error.UserError;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A mount as the user wrote it: {@code HOST:/VOL} (or {@code HOST:VOL}, as seed recipes
 * write it) and the {@code -o} options that mount(8), an fstab line or the user pass.
 *
 * @param servers where the layout is fetched from: HOST, then the backup servers in order
 * @param allowOther whether other users than the mounting one may use the mount; by default
 *     yes for root and no for other users (fusermount3 allows it to them only with
 *     {@code user_allow_other} in /etc/fuse.conf)
 * @param logFile where the background client logs ({@code log-file=PATH}, as Gluster's
 *     mount takes it), when the option is given
 */
public record MountRequest(String source, String volume, List<String> servers,
        boolean allowOther, Optional<Path> logFile) {
    /**
     * Options of mount(8) and fstab that concern the mount command, not the file system; they
     * are accepted and change nothing here ({@code _netdev} orders boot, {@code noauto} and
     * {@code nofail} are read by mount -a).
     */
    private static final Set<String> MOUNT_ONLY = Set.of("defaults", "_netdev", "auto",
            "noauto", "nofail", "rw", "user", "nouser", "users", "dev", "suid", "exec",
            "async", "relatime", "noatime", "nodiratime");

    /** Options the file system takes. */
    private static final List<String> TAKEN = List.of("backup-volfile-servers=H1:H2",
            "backupvolfile-server=H", "allow_other", "noallow_other", "log-file=PATH");

    public static MountRequest parse(String source, String options, boolean root) {
        int colon = source.indexOf(':');
        if (colon <= 0 || colon == source.length() - 1) {
            throw UserError.usage("'" + source + "': expected HOST:/VOLUME (as in"
                    + " 'gluster1:/gv0')");
        }
        String host = source.substring(0, colon);
        String volume = source.substring(colon + 1);
        if (volume.startsWith("/")) {
            volume = volume.substring(1);
        }
        if (volume.isEmpty() || volume.contains("/")) {
            throw UserError.usage("'" + source + "': expected HOST:/VOLUME; a sub-directory of"
                    + " a volume cannot be mounted");
        }
        List<String> servers = new ArrayList<>(List.of(host));
        boolean allowOther = root;
        Optional<Path> logFile = Optional.empty();
        for (String option : options.isEmpty() ? new String[0] : options.split(",")) {
            String name = option.contains("=")
                    ? option.substring(0, option.indexOf('='))
                    : option;
            String value = option.contains("=")
                    ? option.substring(option.indexOf('=') + 1)
                    : "";
            switch (name) {
                case "backup-volfile-servers", "backupvolfile-server" -> {
                    for (String server : value.split(":")) {
                        if (!server.isBlank()) {
                            servers.add(server);
                        }
                    }
                }
                case "allow_other" -> allowOther = true;
                case "noallow_other" -> allowOther = false;
                case "log-file" -> logFile = Optional.of(logPath(option, value));
                default -> {
                    if (!MOUNT_ONLY.contains(name)) {
                        throw UserError.usage("mount option '" + option + "' is not"
                                + " supported; bramble takes " + String.join(", ", TAKEN)
                                + " and mount(8)'s " + String.join(", ", MOUNT_ONLY.stream()
                                        .sorted().toList())
                                + " (see docs/fs.md)");
                    }
                }
            }
        }
        return new MountRequest(host + ":/" + volume, volume, List.copyOf(servers),
                allowOther, logFile);
    }

    private static Path logPath(String option, String value) {
        if (!value.startsWith("/")) {
            throw UserError.usage("mount option '" + option + "': give the log file's absolute"
                    + " path (log-file=/var/log/bramble/mnt.log)");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw UserError.usage("mount option '" + option + "': " + e.getMessage());
        }
    }
}
