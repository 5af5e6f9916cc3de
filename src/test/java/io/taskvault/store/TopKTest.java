package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TopKTest {

    private static final Comparator<int[]> BY_VALUE_THEN_ID = Comparator.<int[]>comparingInt(pair -> pair[0])
            .thenComparingInt(pair -> pair[1]);

    @Test
    void keepsTheFirstKOfAFullSortTiesIncluded() {
        Random random = new Random(5);
        List<int[]> elements = IntStream.range(0, 2_000).mapToObj(id -> new int[] {random.nextInt(40), id}).toList();
        for (long k : new long[] {1, 7, 39, 40, 41, 1_999, 2_000, 5_000}) {
            List<int[]> sorted = elements.stream().sorted(BY_VALUE_THEN_ID).limit(k).toList();
            assertThat(TopK.first(elements.stream(), BY_VALUE_THEN_ID, k).toList()).as("k = %d", k)
                    .containsExactlyElementsOf(sorted);
        }
    }

    @Test
    void keepsNothingForAnEmptyBoundOrStream() {
        assertThat(TopK.first(List.of(new int[] {1, 1}).stream(), BY_VALUE_THEN_ID, 0)).isEmpty();
        assertThat(TopK.first(List.<int[]>of().stream(), BY_VALUE_THEN_ID, 3)).isEmpty();
    }
}
