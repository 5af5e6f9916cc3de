package io.taskvault.exchange;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a taskvault export reads the store.
 *
 * @param partitionAbove a collection with more documents than this is read in _id ranges, one after the other,
 *                       instead of in one pass (0: always in ranges)
 */
@Validated
@ConfigurationProperties("taskvault.export")
public record ExportProperties(@Min(0) @DefaultValue("500000") long partitionAbove) {
}
