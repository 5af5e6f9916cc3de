package io.taskvault.task;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the statistics' counters are checked against the tasks.
 *
 * @param checkInterval while statistics are read, compare the counters' counts per state with the tasks' (one indexed
 *                      count per state) at most this often, and recount when they differ
 */
@Validated
@ConfigurationProperties("taskvault.statistics")
public record StatisticsProperties(@NotNull @DefaultValue("1m") Duration checkInterval) {
}
