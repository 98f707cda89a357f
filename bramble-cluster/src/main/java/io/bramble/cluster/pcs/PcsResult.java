package io.bramble.cluster.pcs;

import java.util.List;
import java.util.Optional;

/**
 * What a pcs command did.
 *
 * @param cib the CIB to write back to the file, when the command changed it
 * @param out lines for stdout
 * @param err lines for stderr (warnings and notes; {@code Error: } lines when it failed)
 * @param exitCode pcs's: 0, or 1 when the command was refused
 */
public record PcsResult(Optional<CibElement> cib, List<String> out, List<String> err,
        int exitCode) {
    public PcsResult {
        out = List.copyOf(out);
        err = List.copyOf(err);
    }
}
