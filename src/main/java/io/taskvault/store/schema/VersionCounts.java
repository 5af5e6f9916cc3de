package io.taskvault.store.schema;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many documents of each schema version a collection holds, and how many still wait for the batch upgrader.
 *
 * @param readOnly true where old documents are never rewritten (history: its hash chain covers the stored form)
 */
public record VersionCounts(String collection, int newest, Map<Integer, Long> byVersion, boolean readOnly) {

    @JsonProperty("remaining")
    public long remaining() {
        return readOnly ? 0 : byVersion.entrySet().stream().filter(e -> e.getKey() < newest)
                .mapToLong(Map.Entry::getValue).sum();
    }
}
