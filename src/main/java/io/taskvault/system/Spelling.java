package io.taskvault.system;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The known word closest to a misspelt one, for "did you mean …?" on every door. */
public final class Spelling {

    private Spelling() {
    }

    /** The candidate nearest to {@code word} (case-insensitive), if it is near enough to be a likely typo. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        if (word == null || word.isBlank()) {
            return Optional.empty();
        }
        String wanted = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String known = candidate.toLowerCase(Locale.ROOT);
            int distance = distance(wanted, known);
            boolean likely = distance <= Math.max(2, wanted.length() / 3)
                    || wanted.length() >= 3 && (known.startsWith(wanted) || wanted.startsWith(known));
            if (likely && (distance < bestDistance || distance == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "; did you mean 'x'?" or nothing. */
    public static String suggestion(String word, Collection<String> candidates, String prefix) {
        return closest(word, candidates).map(c -> didYouMean(prefix + c)).orElse("");
    }

    /** "; did you mean 'x'?" for a likely word found some other way. */
    public static String didYouMean(String likely) {
        return "; did you mean '" + likely + "'?";
    }

    /** Edits between a and b, a swap of two neighbouring letters counting as one ("lsit" is one from "list"). */
    static int distance(String a, String b) {
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
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
