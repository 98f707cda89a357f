package io.bramble.cluster.policy;

import io.bramble.cluster.model.Score;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A resource's score on each node it may be considered for (Pacemaker's allowed nodes). A node
 * missing from the table is not allowed at all, which is how an opt-in cluster starts out.
 */
final class ScoreTable {
    private final LinkedHashMap<String, Integer> scores;

    private ScoreTable(LinkedHashMap<String, Integer> scores) {
        this.scores = scores;
    }

    static ScoreTable empty() {
        return new ScoreTable(new LinkedHashMap<>());
    }

    ScoreTable copy() {
        return new ScoreTable(new LinkedHashMap<>(scores));
    }

    boolean has(String node) {
        return scores.containsKey(node);
    }

    /** The node's score, -INFINITY when the node is not in the table. */
    int get(String node) {
        return scores.getOrDefault(node, -Score.INFINITY);
    }

    void set(String node, int score) {
        scores.put(node, score);
    }

    /** Adds {@code score} to the node's score, putting the node in the table at 0 first. */
    void add(String node, int score) {
        scores.put(node, Score.add(scores.getOrDefault(node, 0), score));
    }

    /** Adds {@code score} to every node in the table. */
    void addToAll(int score) {
        scores.replaceAll((node, old) -> Score.add(old, score));
    }

    Set<String> nodes() {
        return scores.keySet();
    }

    Map<String, Integer> asMap() {
        return Map.copyOf(scores);
    }
}
