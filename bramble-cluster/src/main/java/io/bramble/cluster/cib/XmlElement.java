package io.bramble.cluster.cib;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a parsed XML file with the line it starts on.
 *
 * @param name the element's name
 * @param attributes its attributes in document order
 * @param children its child elements (text is dropped: the CIB has none that matters)
 * @param line 1-based line of its start tag
 */
public record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children,
        int line) {

    Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    Optional<XmlElement> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }
}
