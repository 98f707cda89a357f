package io.bramble.common.config;

import io.bramble.common.check.Checks;

/**
 * Where something was written: a file as the user named it and a 1-based line number.
 *
 * @param file the file name as given by the user or resolved from an include
 * @param line 1-based line number
 */
public record Location(String file, int line) {
    public Location {
        Checks.argument(file != null, "file must not be null");
        Checks.argument(line >= 1, "line numbers start at 1, got " + line);
    }

    /** {@code file:line}, the form editors and compilers use. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
