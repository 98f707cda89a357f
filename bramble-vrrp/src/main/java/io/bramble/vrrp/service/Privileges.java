package io.bramble.vrrp.service;

import io.bramble.common.error.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * Who this process is, and keepalived's {@code enable_script_security}: when running as root,
 * a script that a non-root user could rewrite (the file or a directory above it writable by
 * group or others, or owned by another user) would run as root, so it is refused.
 */
final class Privileges {
    private Privileges() {
    }

    /** Fails naming the script and the path at fault. */
    static void checkScript(String scriptName, List<String> command) {
        Path program = resolve(command.getFirst());
        if (program == null) {
            throw UserError.usage("vrrp_script " + scriptName + ": " + command.getFirst()
                    + " is not found, and enable_script_security needs to check it");
        }
        for (Path path = program; path != null; path = path.getParent()) {
            try {
                int owner = ((Number) Files.getAttribute(path, "unix:uid")).intValue();
                Set<PosixFilePermission> modes = Files.getPosixFilePermissions(path);
                boolean othersWrite = modes.contains(PosixFilePermission.GROUP_WRITE)
                        || modes.contains(PosixFilePermission.OTHERS_WRITE);
                if (owner != 0 || othersWrite) {
                    throw UserError.usage("vrrp_script " + scriptName + ": " + path
                            + " could be changed by a user other than root, and "
                            + "enable_script_security is on; fix its owner and mode");
                }
            } catch (IOException e) {
                throw UserError.usage("vrrp_script " + scriptName + ": cannot check " + path
                        + ": " + e.getMessage());
            }
        }
    }

    /** The program as the kernel would find it: a path, or the first match on PATH. */
    static Path resolve(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program).toAbsolutePath();
            return Files.isRegularFile(path) ? real(path) : null;
        }
        String searchPath = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String directory : searchPath.split(":")) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return real(candidate.toAbsolutePath());
            }
        }
        return null;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.normalize();
        }
    }
}
