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

    static void resourceDeprecated(Edit edit, List<String> words) {
        deprecated(edit, "pcs resource defaults update");
        update(edit, "rsc_defaults", words);
    }

    static void operationDeprecated(Edit edit, List<String> words) {
        deprecated(edit, "pcs resource op defaults update");
        update(edit, "op_defaults", words);
    }

    private static void deprecated(Edit edit, String replacement) {
        edit.err.add("Deprecation Warning: This command is deprecated and will be removed. "
                + "Please use '" + replacement + "' instead.");
    }

    private static void update(Edit edit, String section, List<String> words) {
        if (words.isEmpty()) {
            throw new PcsException("'pcs resource defaults' without NAME=VALUE (listing the "
                    + "defaults) is not supported by bramble; read the CIB's " + section);
        }
        var values = NameValueSets.pairs(words);
        CibElement defaults = edit.section(section);
        NameValueSets.update(edit, NameValueSets.setOf(edit, defaults, "meta_attributes",
                section + "-meta_attributes"), values);
        edit.warn(NOT_APPLIED);
    }
}
