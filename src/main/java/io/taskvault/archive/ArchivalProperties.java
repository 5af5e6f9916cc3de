package io.taskvault.archive;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * When finished tasks move to the archive.
 *
 * @param cron      when the job runs (Spring cron, six fields); daily at 03:30 by default
 * @param retention finished tasks older than this are archived
 * @param batchSize tasks archived between progress checkpoints
 * @param threads   tasks archived at once within a batch (each move waits for the store's commits; several at
 *                  once share them)
 * @param compact   compact the embedded data file after a run that archived something, so the disk space of
 *                  the archived tasks goes back to the system (the data file never shrinks by itself)
 */
@Validated
@ConfigurationProperties("taskvault.archival")
public record ArchivalProperties(
        @NotBlank @DefaultValue("0 30 3 * * *") String cron,
        @NotNull @DefaultValue("90d") Duration retention,
        @Min(1) @Max(10_000) @DefaultValue("100") int batchSize,
        @Min(1) @Max(64) @DefaultValue("4") int threads,
        @DefaultValue("true") boolean compact) {

    public ArchivalProperties {
        if (cron != null && !cron.isBlank() && !CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("taskvault.archival.cron '" + cron
                    + "' is not a cron expression (six fields: second minute hour day month weekday)");
        }
        if (retention != null && retention.isNegative()) {
            throw new IllegalArgumentException("taskvault.archival.retention must not be negative, not " + retention);
        }
    }
}
