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
        return closest(word, candidates).map(c -> "; did you mean '" + prefix + c + "'?").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
