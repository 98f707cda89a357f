package io.bramble.common.config;

import io.bramble.common.error.UserError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A config that cannot be used (exit code 2). The message lists every error, one per line,
 * then how many there were; the warnings stay available through {@link #diagnostics()}.
 */
public final class ConfigException extends UserError {
    private final transient List<Diagnostic> diagnostics;

    public ConfigException(Diagnostics diagnostics) {
        super(EXIT_USAGE, describe(diagnostics));
        this.diagnostics = diagnostics.all();
    }

    /** Errors and warnings in the order they were found. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    private static String describe(Diagnostics diagnostics) {
        String lines = diagnostics.errors().stream()
                .map(Diagnostic::toString)
                .collect(Collectors.joining("\n"));
        int count = diagnostics.errorCount();
        String summary = count == 1 ? "1 error in config" : count + " errors in config";
        if (diagnostics.droppedCount() > 0) {
            summary += " (" + diagnostics.droppedCount() + " messages not shown)";
        }
        return lines.isEmpty() ? summary : lines + "\n" + summary;
    }
}
