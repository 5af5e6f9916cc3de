package io.taskvault.store.schema;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code taskvault.schema.*}: whether old documents are rewritten in the background at start-up, how many per
 * batch, and how many batches are in flight at once (one is prepared while another is written).
 */
@Validated
@ConfigurationProperties("taskvault.schema")
public record SchemaProperties(@DefaultValue("true") boolean upgradeOnStart,
                               @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
                               @DefaultValue("2") @Min(1) @Max(8) int writers) {
}
