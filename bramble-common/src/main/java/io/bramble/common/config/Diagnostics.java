package io.bramble.common.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the errors and warnings of one config load, in the order they were found, so that
 * every mistake is reported at once instead of one per run. Holds at most
 * {@link #STORED_MAX} messages; further ones are counted so that a file of garbage cannot
 * exhaust memory, and {@link #hasErrors()} stays true.
 */
public final class Diagnostics {
    /** Messages kept in full; later ones are only counted. */
    public static final int STORED_MAX = 1_000;

    private final List<Diagnostic> all = new ArrayList<>();
    private int errorCount;
    private int droppedCount;

    public void error(Location where, String keyword, String message) {
        add(new Diagnostic(Severity.ERROR, where, keyword, message));
    }

    public void warning(Location where, String keyword, String message) {
        add(new Diagnostic(Severity.WARNING, where, keyword, message));
    }

    public void add(Diagnostic diagnostic) {
        if (diagnostic.isError()) {
            errorCount++;
        }
        if (all.size() < STORED_MAX) {
            all.add(diagnostic);
        } else {
            droppedCount++;
        }
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }

    /** Number of errors, including those not stored. */
    public int errorCount() {
        return errorCount;
    }

    /** Number of messages counted but not stored because {@link #STORED_MAX} was reached. */
    public int droppedCount() {
        return droppedCount;
    }

    public List<Diagnostic> errors() {
        return all.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return all.stream().filter(d -> !d.isError()).toList();
    }

    /** Errors and warnings in the order they were found. */
    public List<Diagnostic> all() {
        return List.copyOf(all);
    }

    /**
     * The same messages ordered by file (in the order files first appear) and then by line,
     * keeping the found order within a line: what a reader of several passes expects.
     */
    public Diagnostics inLineOrder() {
        List<String> files = all.stream().map(d -> d.where().file()).distinct().toList();
        Diagnostics sorted = new Diagnostics();
        all.stream().sorted(Comparator.comparingInt((Diagnostic d) -> files.indexOf(d.where()
                .file())).thenComparingInt(d -> d.where().line())).forEach(sorted.all::add);
        sorted.errorCount = errorCount;
        sorted.droppedCount = droppedCount;
        return sorted;
    }

    /** Throws a {@link ConfigException} listing every error, when there is at least one. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new ConfigException(this);
        }
    }
}
