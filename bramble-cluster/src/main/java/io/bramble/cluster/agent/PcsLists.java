package io.bramble.cluster.agent;

import java.util.List;

/** pcs's way of naming several things in one message: {@code 'a', 'b' or 'c'}. */
final class PcsLists {
    private PcsLists() {
    }

    /** Each item quoted, commas between, the last after {@code lastJoin} ("or", "and"). */
    static String quoted(List<String> items, String lastJoin) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(i == items.size() - 1 && lastJoin != null
                        ? " " + lastJoin + " "
                        : ", ");
            }
            out.append('\'').append(items.get(i)).append('\'');
        }
        return out.toString();
    }

    /** Each item quoted, commas only: {@code 'a', 'b', 'c'}. */
    static String quoted(List<String> items) {
        return quoted(items, null);
    }
}
