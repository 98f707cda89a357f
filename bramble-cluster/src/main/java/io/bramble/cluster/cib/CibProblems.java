package io.bramble.cluster.cib;

import io.bramble.common.config.Diagnostics;
import io.bramble.common.config.Location;
import java.util.Optional;
import java.util.Set;

/** Collects what is wrong with a CIB, each message naming the element and its line. */
final class CibProblems {
    private final String file;
    final Diagnostics diagnostics = new Diagnostics();

    CibProblems(String file) {
        this.file = file;
    }

    void error(XmlElement element, String message) {
        diagnostics.error(new Location(file, element.line()), "<" + element.name() + ">",
                message);
    }

    /** Reports each attribute of {@code element} outside {@code allowed} as not supported. */
    void onlyAttributes(XmlElement element, Set<String> allowed) {
        for (String attribute : element.attributes().keySet()) {
            if (!allowed.contains(attribute)) {
                error(element, "attribute " + attribute + " is not supported");
            }
        }
    }

    /** Reports each child of {@code element} outside {@code allowed} as not supported. */
    void onlyChildren(XmlElement element, Set<String> allowed) {
        for (XmlElement child : element.children()) {
            if (!allowed.contains(child.name())) {
                error(child, "element " + child.name() + " is not supported here (in "
                        + element.name() + ")");
            }
        }
    }

    /** The attribute's value, or empty after reporting that it is missing. */
    Optional<String> required(XmlElement element, String attribute) {
        Optional<String> value = element.attribute(attribute);
        if (value.isEmpty()) {
            error(element, "attribute " + attribute + " is required");
        }
        return value;
    }
}
