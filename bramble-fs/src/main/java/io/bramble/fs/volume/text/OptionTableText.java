package io.bramble.fs.volume.text;

import java.util.Map;

/** {@code volume get}: Gluster's two columns of 40 characters, {@code Option} and {@code Value}. */
public final class OptionTableText {
    private OptionTableText() {
    }

    /** {@code values} by option name, in the order to print. */
    public static String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        row(out, "Option", "Value");
        row(out, "------", "-----");
        values.forEach((name, value) -> row(out, name, value));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format("%-40s%-40s\n", name, value));
    }
}
