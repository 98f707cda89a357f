package io.bramble.cluster.pcs;

import java.util.List;

/**
 * A command pcs refuses: its lines, each printed after {@code Error: } on stderr, and exit
 * code 1; the file is left as it was.
 */
public final class PcsException extends RuntimeException {
    /** pcs's closing line after errors found while checking a command. */
    static final String UNABLE = "Errors have occurred, therefore pcs is unable to continue";

    private final List<String> errors;

    public PcsException(String error) {
        this(List.of(error));
    }

    public PcsException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** Several problems found while checking, then pcs's closing line. */
    static PcsException checked(List<String> errors) {
        List<String> all = new java.util.ArrayList<>(errors);
        all.add(UNABLE);
        return new PcsException(all);
    }

    /** The lines, without the {@code Error: } prefix. */
    public List<String> errors() {
        return errors;
    }
}
