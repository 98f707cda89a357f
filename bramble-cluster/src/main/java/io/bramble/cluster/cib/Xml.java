package io.bramble.cluster.cib;

/** Builds indented XML text; attribute values are escaped. */
public final class Xml {
    private final StringBuilder out = new StringBuilder();
    private int depth;

    /** Opens {@code name} with attributes given as name, value pairs. */
    public Xml open(String name, String... attributes) {
        tag(name, attributes);
        out.append(">\n");
        depth++;
        return this;
    }

    /** Writes {@code <name .../>}. */
    public Xml empty(String name, String... attributes) {
        tag(name, attributes);
        out.append("/>\n");
        return this;
    }

    public Xml close(String name) {
        depth--;
        out.append("  ".repeat(depth)).append("</").append(name).append(">\n");
        return this;
    }

    private void tag(String name, String... attributes) {
        out.append("  ".repeat(depth)).append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1]))
                    .append('"');
        }
    }

    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
