package io.bramble.common.config;

import io.bramble.common.check.Checks;

/**
 * One message about a config file, shown as {@code FILE:LINE: keyword: message} for errors and
 * {@code FILE:LINE: keyword: warning: message} for warnings.
 *
 * @param severity error or warning
 * @param where the file and line the message is about
 * @param keyword the keyword of that line as the user wrote it (may be several words)
 * @param message what was expected and what was found, or why a warning was given
 */
public record Diagnostic(Severity severity, Location where, String keyword, String message) {
    public Diagnostic {
        Checks.argument(severity != null && where != null, "severity and where are required");
        keyword = keyword == null || keyword.isBlank() ? "(line)" : keyword;
        message = message == null ? "" : message;
    }

    public boolean isError() { return severity == Severity.ERROR; }

    @Override
    public String toString() {
        String prefix = where + ": " + keyword + ": ";
        return severity == Severity.WARNING ? prefix + "warning: " + message : prefix + message;
    }
}
