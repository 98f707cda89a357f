package io.bramble.lb.config;

/**
 * Where a setting was written, so run-time messages can point back at the file.
 *
 * @param file the file as named on the command line
 * @param line 1-based line number, 0 when not from a file
 */
public record ConfigLocation(String file, int line) {
    /** For settings that come from no file: built-in defaults and tests. */
    public static final ConfigLocation NONE = new ConfigLocation("<default>", 0);

    public ConfigLocation {
        file = file == null ? "<unknown>" : file;
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
