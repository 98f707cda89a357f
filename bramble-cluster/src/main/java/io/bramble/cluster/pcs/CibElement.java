package io.bramble.cluster.pcs;

import io.bramble.cluster.cib.Xml;
import io.bramble.cluster.cib.XmlElement;
import io.bramble.cluster.cib.XmlTreeParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One element of a CIB being edited, as pcs edits the document: attributes in the order
 * written, children in order, everything it does not know kept as it was. Mutable, but only
 * ever a copy made for one command ({@link #copy}), so callers see a pure function.
 */
public final class CibElement {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<CibElement> children = new ArrayList<>();
    private CibElement parent;

    CibElement(String name, String... attributes) {
        this.name = name;
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            this.attributes.put(attributes[i], attributes[i + 1]);
        }
    }

    /**
     * The CIB pcs starts from when the file given with {@code -f} does not exist yet (it
     * writes it even when the command changes nothing).
     */
    /**
     * The empty CIB as the replacement of {@code previous}: its epoch one higher, so that every
     * reader takes it as the newer, and the same admin epoch.
     */
    public static CibElement emptyAfter(CibElement previous) {
        CibElement cib = empty();
        cib.set("epoch", epochAfter(previous));
        previous.attribute("admin_epoch").ifPresent(a -> cib.set("admin_epoch", a));
        return cib;
    }

    /**
     * {@code current} with {@code source}'s configuration section in place of its own, its
     * epoch one higher: what replacing the configuration scope of a CIB writes.
     */
    public static CibElement withConfigurationOf(CibElement current, CibElement source) {
        CibElement next = current.copy();
        next.set("epoch", epochAfter(current));
        CibElement configuration = source.childOrAppend("configuration").copy();
        Optional<CibElement> old = next.child("configuration");
        int at = old.map(next::indexOf).orElse(0);
        old.ifPresent(CibElement::detach);
        next.insert(at, configuration);
        return next;
    }

    /** The epoch after {@code cib}'s (0 when it has none that is a number). */
    private static String epochAfter(CibElement cib) {
        return Long.toString(cib.attribute("epoch").filter(e -> e.matches("[0-9]{1,18}"))
                .map(Long::parseLong).orElse(0L) + 1);
    }

    public static CibElement empty() {
        CibElement cib = new CibElement("cib", "admin_epoch", "0", "epoch", "1",
                "num_updates", "1", "validate-with", "pacemaker-3.1");
        CibElement configuration = cib.append(new CibElement("configuration"));
        for (String section : List.of("crm_config", "nodes", "resources", "constraints")) {
            configuration.append(new CibElement(section));
        }
        cib.append(new CibElement("status"));
        return cib;
    }

    /** Parses a CIB file's text; fails with the parser's reason and line. */
    public static CibElement parse(byte[] xml) throws XmlTreeParser.XmlSyntaxException {
        return from(XmlTreeParser.parse(xml));
    }

    private static CibElement from(XmlElement element) {
        CibElement copy = new CibElement(element.name());
        copy.attributes.putAll(element.attributes());
        element.children().forEach(c -> copy.append(from(c)));
        return copy;
    }

    /** A deep copy, with no parent. */
    public CibElement copy() {
        CibElement copy = new CibElement(name);
        copy.attributes.putAll(attributes);
        children.forEach(c -> copy.append(c.copy()));
        return copy;
    }

    public String name() {
        return name;
    }

    public Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    /** {@code attribute}'s value, or "" when it is not set. */
    String get(String attribute) {
        return attributes.getOrDefault(attribute, "");
    }

    public Map<String, String> attributes() {
        return java.util.Collections.unmodifiableMap(attributes);
    }

    void set(String attribute, String value) {
        attributes.put(attribute, value);
    }

    void unset(String attribute) {
        attributes.remove(attribute);
    }

    public List<CibElement> children() {
        return List.copyOf(children);
    }

    List<CibElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    Optional<CibElement> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    /** The child named {@code childName}, appended when there is none. */
    CibElement childOrAppend(String childName) {
        return child(childName).orElseGet(() -> append(new CibElement(childName)));
    }

    Optional<CibElement> parent() {
        return Optional.ofNullable(parent);
    }

    CibElement append(CibElement child) {
        child.detach();
        child.parent = this;
        children.add(child);
        return child;
    }

    CibElement insert(int index, CibElement child) {
        child.detach();
        child.parent = this;
        children.add(index, child);
        return child;
    }

    int indexOf(CibElement child) {
        return children.indexOf(child);
    }

    /** Takes this element out of its parent. */
    void detach() {
        if (parent != null) {
            parent.children.remove(this);
            parent = null;
        }
    }

    /** This element and all below it, in document order. */
    List<CibElement> descendants() {
        List<CibElement> all = new ArrayList<>();
        walk(all::add);
        return all;
    }

    private void walk(Consumer<CibElement> visitor) {
        visitor.accept(this);
        children.forEach(c -> c.walk(visitor));
    }

    /** The element below this one (or this one) whose id is {@code id}. */
    Optional<CibElement> byId(String id) {
        return descendants().stream().filter(e -> id.equals(e.attributes.get("id")))
                .findFirst();
    }

    /** The text pcs writes: two spaces a level, no XML declaration. */
    public String toXml() {
        Xml x = new Xml();
        write(x);
        return x.toString();
    }

    private void write(Xml x) {
        String[] pairs = new String[attributes.size() * 2];
        int i = 0;
        for (var e : attributes.entrySet()) {
            pairs[i++] = e.getKey();
            pairs[i++] = e.getValue();
        }
        if (children.isEmpty()) {
            x.empty(name, pairs);
        } else {
            x.open(name, pairs);
            children.forEach(c -> c.write(x));
            x.close(name);
        }
    }
}
