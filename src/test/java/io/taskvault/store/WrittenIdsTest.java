package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which documents a write command names exactly: what the list index, the leases and crash repair go by. */
class WrittenIdsTest {

    @Test
    void namesInsertedDocumentsAndFiltersOnExactIds() {
        assertThat(WrittenIds.of("insert", Map.of("documents", List.of(Map.of("_id", "a"), Map.of("_id", "b")))))
                .containsExactly("a", "b");
        assertThat(WrittenIds.of("update", Map.of("updates", List.of(Map.of("q", Map.of("_id", "a", "version", 3L))))))
                .containsExactly("a");
    }

    @Test
    void namesEachIdOfAnInFilterAsArchivalDeletesAHistory() {
        assertThat(WrittenIds.of("delete", Map.of("deletes", List.of(Map.of("q", Map.of("_id", Map.of("$in",
                List.of("t:1", "t:2", "t:3"))))))))
                .containsExactly("t:1", "t:2", "t:3");
    }

    @Test
    void namesNoDocumentForIndexesAndNewCollections() {
        assertThat(WrittenIds.of("createIndexes", Map.of("indexes", List.of(Map.of("key", Map.of("key", 1)))))).isEmpty();
        assertThat(WrittenIds.of("dropIndexes", Map.of("index", "key"))).isEmpty();
        assertThat(WrittenIds.of("create", Map.of("create", "tasks"))).isEmpty();
        assertThat(WrittenIds.of("drop", Map.of("drop", "tasks"))).as("every document went").isNull();
    }

    @Test
    void namesNothingWhenAFilterMayTouchOtherDocuments() {
        assertThat(WrittenIds.of("delete", Map.of("deletes", List.of(Map.of("q", Map.of("taskId", "t")))))).isNull();
        assertThat(WrittenIds.of("update", Map.of("updates", List.of(Map.of("q", Map.of("_id", Map.of("$gt", "t")))))))
                .isNull();
        assertThat(WrittenIds.of("delete", Map.of("deletes", List.of(Map.of("q", Map.of("_id", Map.of("$in", List.of("a"),
                "$nin", List.of("b"))))))))
                .isNull();
    }
}
