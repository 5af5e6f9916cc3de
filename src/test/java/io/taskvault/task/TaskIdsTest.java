package io.taskvault.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TaskIdsTest {

    @Test
    void idsAreVersion7UuidsCarryingTheMillisecondTheyWereMade() {
        long before = Instant.now().toEpochMilli();
        UUID id = UUID.fromString(TaskIds.next());
        long after = Instant.now().toEpochMilli();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void anIdMadeInALaterMillisecondSortsAfterEveryEarlierOneAsText() {
        List<String> made = new ArrayList<>();
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() < start + 5) {
            made.add(TaskIds.next());
        }
        for (int i = 1; i < made.size(); i++) {
            String earlier = made.get(i - 1);
            String later = made.get(i);
            if (!earlier.substring(0, 13).equals(later.substring(0, 13))) {
                assertThat(later).isGreaterThan(earlier);
            }
        }
        assertThat(made.get(made.size() - 1).substring(0, 13)).isGreaterThan(made.get(0).substring(0, 13));
    }

    @Test
    void idsMadeAtOnceOnManyThreadsAreDistinctAndDifferBeforeTheirLastCharacters() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 20_000).parallel().forEach(i -> ids.add(TaskIds.next()));

        assertThat(ids).hasSize(20_000);
        assertThat(ids.stream().map(id -> id.substring(0, 28)).distinct().count()).isEqualTo(20_000);
    }
}
