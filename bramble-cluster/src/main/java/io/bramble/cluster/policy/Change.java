package io.bramble.cluster.policy;

import java.util.Optional;

/**
 * One line of a transition's summary, as {@code crm_simulate} lists it: what happens to a
 * resource and between which nodes.
 *
 * @param kind start, stop, move or restart
 * @param resource the primitive
 * @param from the node it leaves (stop, move, restart)
 * @param to the node it runs on after (start, move, restart)
 * @param reason why, for the changes Pacemaker explains ({@code due to node availability})
 */
public record Change(Kind kind, String resource, Optional<String> from, Optional<String> to,
        Optional<String> reason) {

    /** What a change does. */
    public enum Kind {
        START("Start"), STOP("Stop"), MOVE("Move"), RESTART("Restart");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The word crm_simulate prints. */
        public String word() {
            return word;
        }
    }

    /** {@code Start r1 (n2)}, {@code Move r1 (n1 -> n2)}: the change without its reason. */
    public String brief() {
        String where = switch (kind) {
            case START -> to.orElseThrow();
            case STOP -> from.orElseThrow();
            case MOVE -> from.orElseThrow() + " -> " + to.orElseThrow();
            case RESTART -> to.orElseThrow();
        };
        return kind.word() + " " + resource + " (" + where + ")";
    }
}
