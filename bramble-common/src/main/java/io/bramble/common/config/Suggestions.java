package io.bramble.common.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean X?" for misspelled keywords, choices and option names. */
public final class Suggestions {
    /** Longest word compared; longer input gets no suggestion, bounding the work. */
    private static final int COMPARED_CHARS_MAX = 64;

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code typed} when it is close enough to be a typo (1 edit for
     * short words, up to 3 for long ones), or a candidate whose last word is exactly
     * {@code typed} ({@code httpchk} for {@code option httpchk}; the shortest such).
     */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        if (typed.length() > COMPARED_CHARS_MAX) {
            return Optional.empty();
        }
        int allowed = typed.length() <= 4 ? 1 : typed.length() <= 8 ? 2 : 3;
        Optional<String> spelledOut = candidates.stream().filter(c -> c.endsWith(" " + typed))
                .min(java.util.Comparator.comparingInt(String::length));
        if (spelledOut.isPresent()) {
            return spelledOut;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.length() > COMPARED_CHARS_MAX) {
                continue;
            }
            int distance = distance(typed, candidate);
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " did you mean 'X'?" or nothing, ready to append to a message. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /** Levenshtein distance, treating a swap of neighbours as one edit. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
