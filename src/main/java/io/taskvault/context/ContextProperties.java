package io.taskvault.context;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How prompt contexts are built and judged.
 *
 * @param staleAfter          context whose newest record is older than this counts as stale in the health score
 * @param defaultBudgetChars  the prompt context's size when the caller names no budget
 */
@Validated
@ConfigurationProperties("taskvault.context")
public record ContextProperties(@NotNull @DefaultValue("7d") Duration staleAfter,
                                @Min(500) @DefaultValue("24000") int defaultBudgetChars) {
}
