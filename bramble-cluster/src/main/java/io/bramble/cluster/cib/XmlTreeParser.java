package io.bramble.cluster.cib;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads XML into {@link XmlElement}s that remember their line, with the JDK's parser. No DTD,
 * no external entities, and at most {@link #ELEMENTS_MAX} elements.
 */
public final class XmlTreeParser {
    /** More elements than any CIB bramble takes (a few nodes and resources is thousands). */
    static final int ELEMENTS_MAX = 200_000;

    /** Why a file is not well-formed XML, with the line where the parser stopped. */
    public static final class XmlSyntaxException extends Exception {
        private final int line;

        XmlSyntaxException(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return Math.max(1, line);
        }
    }

    private XmlTreeParser() {
    }

    public static XmlElement parse(byte[] xml) throws XmlSyntaxException {
        Builder builder = new Builder();
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new ByteArrayInputStream(xml), builder);
        } catch (SAXParseException e) {
            throw new XmlSyntaxException(e.getMessage(), e.getLineNumber());
        } catch (SAXException | IOException e) {
            throw new XmlSyntaxException(e.getMessage(), builder.line());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be set up", e);
        }
        return builder.root;
    }

    private static final class Builder extends DefaultHandler {
        private final Deque<Partial> open = new ArrayDeque<>();
        private Locator locator;
        private XmlElement root;
        private int count;

        private record Partial(String name, Map<String, String> attributes,
                List<XmlElement> children, int line) {}

        int line() {
            return locator == null ? 1 : locator.getLineNumber();
        }

        @Override
        public void setDocumentLocator(Locator locator) { this.locator = locator; }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts)
                throws SAXException {
            if (++count > ELEMENTS_MAX) {
                throw new SAXException("more than " + ELEMENTS_MAX + " elements");
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < atts.getLength(); i++) {
                attributes.put(atts.getQName(i), atts.getValue(i));
            }
            open.push(new Partial(qName, attributes, new ArrayList<>(), line()));
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Partial p = open.pop();
            XmlElement element = new XmlElement(p.name, p.attributes, List.copyOf(p.children),
                    p.line);
            if (open.isEmpty()) {
                root = element;
            } else {
                open.peek().children.add(element);
            }
        }
    }
}
