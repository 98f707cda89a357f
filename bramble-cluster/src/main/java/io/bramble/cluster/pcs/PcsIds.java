package io.bramble.cluster.pcs;

/**
 * The ids pcs gives what it creates: a candidate made of the names involved
 * ({@code VirtualIP-monitor-interval-30s}), with the characters an XML id cannot hold left
 * out, then {@code -1}, {@code -2}... appended until no element of the CIB has it.
 */
final class PcsIds {
    /** Tries before giving up; a CIB has far fewer elements. */
    static final int TRIES_MAX = 100_000;

    private PcsIds() {
    }

    static String unique(CibElement cib, String candidate) {
        String base = sanitize(candidate);
        java.util.Set<String> used = new java.util.HashSet<>();
        cib.descendants().forEach(e -> e.attribute("id").ifPresent(used::add));
        String id = base;
        for (int n = 1; used.contains(id); n++) {
            if (n > TRIES_MAX) {
                throw new PcsException("no free id left for '" + base + "'");
            }
            id = base + "-" + n;
        }
        return id;
    }

    /** An XML id: starts with a letter or '_', then letters, digits, '.', '-' or '_'. */
    static String sanitize(String candidate) {
        StringBuilder id = new StringBuilder();
        for (char c : candidate.toCharArray()) {
            boolean letter = Character.isLetter(c) || c == '_';
            boolean later = letter || Character.isDigit(c) || c == '.' || c == '-';
            if (id.isEmpty() ? letter : later) {
                id.append(c);
            }
        }
        return id.toString();
    }
}
