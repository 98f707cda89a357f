package io.bramble.fs.fuse;

/**
 * The extended attributes a mount does not support: POSIX ACLs ({@code system.posix_acl_*})
 * and security labels and capabilities ({@code security.*}). The mount neither enforces nor
 * stores them, so every call on them is answered at once with EOPNOTSUPP, as a local file
 * system mounted without ACL support answers, and listings leave them out. Programs take
 * EOPNOTSUPP as "none here": {@code ls -l} then stops asking for the rest of the mount's
 * files, {@code cp -a} and {@code getfacl} fall back to the mode, and the kernel's own reads
 * of {@code security.capability} before each write find no capability.
 */
final class UnsupportedXattrs {
    static final String SECURITY_PREFIX = "security.";
    static final String ACL_ACCESS = "system.posix_acl_access";
    static final String ACL_DEFAULT = "system.posix_acl_default";

    private UnsupportedXattrs() {
    }

    static boolean isUnsupported(String name) {
        return name.startsWith(SECURITY_PREFIX) || name.equals(ACL_ACCESS)
                || name.equals(ACL_DEFAULT);
    }
}
