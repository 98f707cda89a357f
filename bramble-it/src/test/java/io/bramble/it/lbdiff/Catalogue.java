package io.bramble.it.lbdiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The catalogue: every {@code *.txt} under {@value #FOLDER} on the class path, by file name. */
final class Catalogue {
    static final String FOLDER = "lbdiff/cases";

    private Catalogue() {
    }

    static List<RequestCase> load() {
        Path folder = resource(FOLDER);
        List<RequestCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                cases.addAll(CaseFile.parse(FOLDER + "/" + file.getFileName(),
                        Files.readString(file, StandardCharsets.ISO_8859_1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new HashSet<>();
        for (RequestCase c : cases) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException(c.where() + ": case name " + c.name()
                        + " is used twice");
            }
        }
        return cases;
    }

    /** A file or folder of the test class path. */
    static Path resource(String name) {
        try {
            var url = Catalogue.class.getClassLoader().getResource(name);
            if (url == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
