package io.taskvault.store.schema;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code taskvault.schema.*}: whether old documents are rewritten in the background at start-up, how many per
 * batch, and how many batches are in flight at once. One by default: on the embedded store two saved about 8% of
 * the CPU time but made reads wait up to five times longer (SchemaUpgradeBenchmark, 10,000 v1 tasks).
 */
@Validated
@ConfigurationProperties("taskvault.schema")
public record SchemaProperties(@DefaultValue("true") boolean upgradeOnStart,
                               @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
                               @DefaultValue("1") @Min(1) @Max(8) int writers) {
}
