package io.bramble.it.lbdiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cases where bramble is allowed to refuse what HAProxy forwards, each with its reason, read
 * from {@value #FILE}: one {@code CASE-NAME REASON} per line, {@code #} comments. Never for a
 * security assertion: those hold for every case. An entry whose case no longer differs must go.
 */
final class AcceptedDifferences {
    static final String FILE = "lbdiff/accepted-differences.txt";

    private AcceptedDifferences() {
    }

    /** Case name to reason. */
    static Map<String, String> load(List<RequestCase> catalogue) {
        Map<String, String> accepted = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(Catalogue.resource(FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 2);
            String where = FILE + ":" + (i + 1) + ": ";
            if (words.length < 2) {
                throw new IllegalArgumentException(where + words[0] + " needs a reason");
            }
            if (catalogue.stream().noneMatch(c -> c.name().equals(words[0]))) {
                throw new IllegalArgumentException(where + "no case is named " + words[0]);
            }
            if (accepted.put(words[0], words[1]) != null) {
                throw new IllegalArgumentException(where + words[0] + " is listed twice");
            }
        }
        return accepted;
    }
}
