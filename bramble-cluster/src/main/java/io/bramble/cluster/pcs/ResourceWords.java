package io.bramble.cluster.pcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * The words after a resource's agent: {@code NAME=VALUE…} instance attributes, then any of
 * {@code op ACTION NAME=VALUE… [ACTION NAME=VALUE…]} and {@code meta NAME=VALUE…}, as
 * {@code pcs resource create} and {@code pcs stonith create} take them.
 *
 * @param instance the agent's parameters, in the order given
 * @param operations the operations, in the order given
 * @param meta the meta attributes, in the order given
 */
record ResourceWords(SequencedMap<String, String> instance, List<OperationWords> operations,
        SequencedMap<String, String> meta) {
    /** Words that would make a clone or a bundle, which bramble does not build. */
    static final List<String> UNSUPPORTED = List.of("clone", "promotable", "bundle");

    /**
     * One {@code op} entry.
     *
     * @param action the action ({@code monitor})
     * @param options its options ({@code interval}, {@code timeout}...), in the order given
     */
    record OperationWords(String action, SequencedMap<String, String> options) {}

    static ResourceWords parse(List<String> words) {
        List<String> instance = new ArrayList<>();
        List<String> meta = new ArrayList<>();
        List<OperationWords> operations = new ArrayList<>();
        List<String> section = instance;
        boolean inOperations = false;
        for (String word : words) {
            if (UNSUPPORTED.contains(word)) {
                throw new PcsException("'" + word + "' resources are not supported by bramble;"
                        + " create a primitive or use --group");
            }
            if (word.equals("op") || word.equals("meta")) {
                inOperations = word.equals("op");
                section = word.equals("meta") ? meta : null;
                if (inOperations) {
                    operations.add(null);
                }
            } else if (inOperations && !word.contains("=")) {
                operations.add(new OperationWords(word, new LinkedHashMap<>()));
            } else if (inOperations) {
                OperationWords current = operations.getLast();
                if (current == null) {
                    throw noOperationName();
                }
                int eq = word.indexOf('=');
                current.options().put(word.substring(0, eq), word.substring(eq + 1));
            } else {
                section.add(word);
            }
        }
        List<OperationWords> named = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            OperationWords op = operations.get(i);
            if (op == null) {
                if (i + 1 >= operations.size() || operations.get(i + 1) == null) {
                    throw noOperationName();
                }
                continue;
            }
            if (op.options().isEmpty()) {
                throw noOperationName();
            }
            named.add(op);
        }
        return new ResourceWords(NameValueSets.pairs(instance), named,
                NameValueSets.pairs(meta));
    }

    private static PcsException noOperationName() {
        return new PcsException("When using 'op' you must specify an operation name and at "
                + "least one option");
    }
}
