package io.bramble.cluster.pcs;

import java.util.List;

/**
 * {@code pcs resource defaults update NAME=VALUE…} and {@code pcs resource op defaults update
 * NAME=VALUE…}: the meta attributes of {@code rsc_defaults} and {@code op_defaults}; the
 * older spelling without {@code update} still works, with pcs's deprecation warning.
 */
final class DefaultsCommands {
    static final String NOT_APPLIED = "Defaults do not apply to resources which override them "
            + "with their own defined values";

    private DefaultsCommands() {
    }

    static void resourceUpdate(Edit edit, List<String> words) {
        update(edit, "rsc_defaults", words);
    }

    static void operationUpdate(Edit edit, List<String> words) {
        update(edit, "op_defaults", words);
    }

    /** {@code pcs resource defaults [config]}, or the old spelling of the update. */
    static void resource(Edit edit, List<String> words) {
        listOrUpdate(edit, "rsc_defaults", "pcs resource defaults update", words);
    }

    static void operation(Edit edit, List<String> words) {
        listOrUpdate(edit, "op_defaults", "pcs resource op defaults update", words);
    }

    private static void listOrUpdate(Edit edit, String section, String replacement,
            List<String> words) {
        if (words.isEmpty() || words.equals(List.of("config"))) {
            list(edit, section);
            return;
        }
        deprecated(edit, replacement);
        update(edit, section, words);
    }

    /** {@code Meta Attrs: SET} and its pairs, or pcs's line for none. */
    static void list(Edit edit, String section) {
        List<CibElement> sets = edit.section(section).children("meta_attributes");
        if (sets.isEmpty()) {
            edit.out.add("No defaults set");
        }
        for (CibElement set : sets) {
            edit.out.add("Meta Attrs: " + set.get("id"));
            set.children("nvpair").forEach(p -> edit.out.add("  " + p.get("name") + "="
                    + p.get("value")));
        }
    }

    private static void deprecated(Edit edit, String replacement) {
        edit.err.add("Deprecation Warning: This command is deprecated and will be removed. "
                + "Please use '" + replacement + "' instead.");
    }

    private static void update(Edit edit, String section, List<String> words) {
        if (words.isEmpty()) {
            return;
        }
        var values = NameValueSets.pairs(words);
        CibElement defaults = edit.section(section);
        NameValueSets.update(edit, NameValueSets.setOf(edit, defaults, "meta_attributes",
                section + "-meta_attributes"), values);
        edit.warn(NOT_APPLIED);
    }
}
