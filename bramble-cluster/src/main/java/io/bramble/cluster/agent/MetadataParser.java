package io.bramble.cluster.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the XML an agent prints for {@code meta-data} (OCF 1.0 and 1.1) with the JDK's parser.
 * The DTD the stock agents name ({@code ra-api-1.dtd}) is never fetched, and nothing external
 * is read.
 */
public final class MetadataParser {
    /** Largest document read; the biggest stock agent prints about 40 KiB. */
    public static final int METADATA_BYTES_MAX = 1 << 20;
    private static final Set<String> TRUE_WORDS = Set.of("1", "true", "yes", "on", "y");

    private MetadataParser() {
    }

    /** Parses {@code xml}, the meta-data of {@code name}; fails with pcs's words. */
    public static AgentMetadata parse(AgentName name, String xml) {
        if (xml.getBytes(StandardCharsets.UTF_8).length > METADATA_BYTES_MAX) {
            throw unusable(name, "meta-data longer than " + METADATA_BYTES_MAX + " bytes");
        }
        Element root;
        try {
            root = builder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw unusable(name, e.getMessage());
        }
        if (!root.getTagName().equals("resource-agent")) {
            throw unusable(name, "the root element is <" + root.getTagName()
                    + ">, expected <resource-agent>");
        }
        String version = child(root, "version").map(MetadataParser::text).orElse("1.0");
        List<AgentParameter> parameters = parameters(root);
        List<AgentAction> actions = new ArrayList<>();
        child(root, "actions").ifPresent(list -> children(list, "action").forEach(
                a -> actions.add(new AgentAction(a.getAttribute("name"), attribute(a, "timeout"),
                        attribute(a, "interval"), attribute(a, "depth"),
                        attribute(a, "role").map(MetadataParser::role),
                        attribute(a, "start-delay")))));
        // Fence agents give their shortdesc as an attribute of the root.
        String shortdesc = child(root, "shortdesc").map(MetadataParser::text)
                .orElse(root.getAttribute("shortdesc").strip());
        return new AgentMetadata(name, version, shortdesc, description(root, "longdesc"),
                parameters, actions);
    }

    /** "Agent 'X' is not installed or does not provide valid metadata: WHY", as pcs says. */
    public static AgentException unusable(AgentName name, String why) {
        return new AgentException("Agent '" + name.fullName()
                + "' is not installed or does not provide valid metadata: " + why);
    }

    private static List<AgentParameter> parameters(Element root) {
        List<Element> elements = child(root, "parameters")
                .map(p -> children(p, "parameter")).orElse(List.of());
        Map<String, List<String>> replacedBy = new HashMap<>();
        for (Element p : elements) {
            attribute(p, "obsoletes")
                    .ifPresent(old -> replacedBy.computeIfAbsent(old, k -> new ArrayList<>())
                            .add(p.getAttribute("name")));
        }
        List<AgentParameter> parameters = new ArrayList<>();
        for (Element p : elements) {
            String name = p.getAttribute("name");
            Optional<Element> content = child(p, "content");
            Optional<Element> deprecatedElement = child(p, "deprecated");
            List<String> by = new ArrayList<>(replacedBy.getOrDefault(name, List.of()));
            deprecatedElement.ifPresent(d -> children(d, "replaced-with")
                    .forEach(r -> by.add(r.getAttribute("name"))));
            Optional<String> uniqueGroup = attribute(p, "unique-group")
                    .or(() -> isTrue(p, "unique")
                            ? Optional.of(AgentParameter.OWN_UNIQUE_GROUP_PREFIX + name)
                            : Optional.empty());
            parameters.add(new AgentParameter(name, isTrue(p, "required"), uniqueGroup,
                    isTrue(p, "advanced"),
                    isTrue(p, "deprecated") || deprecatedElement.isPresent() || !by.isEmpty(),
                    by, content.map(c -> c.getAttribute("type")).orElse("string"),
                    content.flatMap(c -> attribute(c, "default")),
                    description(p, "shortdesc"), description(p, "longdesc")));
        }
        return parameters;
    }

    /** Pacemaker 2.1's role names for the older ones agents still print. */
    private static String role(String written) {
        return switch (written.toLowerCase(Locale.ROOT)) {
            case "master", "promoted" -> "Promoted";
            case "slave", "unpromoted" -> "Unpromoted";
            case "started" -> "Started";
            case "stopped" -> "Stopped";
            default -> written;
        };
    }

    private static String description(Element parent, String tag) {
        return child(parent, tag).map(MetadataParser::text).orElse("");
    }

    private static boolean isTrue(Element element, String attribute) {
        return attribute(element, attribute)
                .map(v -> TRUE_WORDS.contains(v.toLowerCase(Locale.ROOT))).orElse(false);
    }

    private static Optional<String> attribute(Element element, String name) {
        return element.hasAttribute(name)
                ? Optional.of(element.getAttribute(name))
                : Optional.empty();
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }

    private static Optional<Element> child(Element parent, String tag) {
        List<Element> all = children(parent, tag);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                found.add(e);
            }
        }
        return found;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(
                    "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities",
                    false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver(
                    (publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
            builder.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(org.xml.sax.SAXParseException e) {
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) {
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e)
                        throws org.xml.sax.SAXParseException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a needed feature", e);
        }
    }
}
