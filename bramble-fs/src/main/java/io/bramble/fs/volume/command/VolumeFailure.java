package io.bramble.fs.volume.command;

import io.bramble.common.error.UserError;

/** A volume command that stops with a message for standard error and an exit code. */
final class VolumeFailure extends RuntimeException {
    private final int exitCode;

    private VolumeFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** A failure at run time (exit code 1), the message as Gluster words it. */
    static VolumeFailure failed(String message) {
        return new VolumeFailure(UserError.EXIT_RUNTIME, message);
    }

    /** {@code PREFIX: failed: WHY}, Gluster's form ({@code volume start: gv0: failed: ...}). */
    static VolumeFailure failed(String prefix, String why) {
        return failed(prefix + ": failed: " + why);
    }

    /** A command line that does not fit the grammar (exit code 2). */
    static VolumeFailure usage(String message) {
        return new VolumeFailure(UserError.EXIT_USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
