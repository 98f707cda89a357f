package io.bramble.common.config;

/**
 * Thrown by a value reader or keyword handler when one line is wrong. The message says what
 * was expected and what was found; {@link KeywordTable#dispatch} adds the file, line and
 * keyword, records it and goes on with the next line.
 */
public final class ConfigError extends RuntimeException {
    public ConfigError(String message) {
        super(message, null, false, false);
    }
}
