package io.taskvault.backup;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Where and when backups are written.
 *
 * @param folder    one sub-folder per backup goes here
 * @param cron      when the scheduled backup runs (six-field Spring cron; "-" turns it off), daily at 02:00 by default
 * @param retention scheduled runs delete backups older than this
 */
@Validated
@ConfigurationProperties("taskvault.backup")
public record BackupProperties(@NotNull @DefaultValue("./data/backups") Path folder,
                               @NotBlank @DefaultValue("0 0 2 * * *") String cron,
                               @NotNull @DefaultValue("30d") Duration retention) {

    public BackupProperties {
        if (cron != null && !cron.isBlank() && !"-".equals(cron) && !CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("taskvault.backup.cron '" + cron
                    + "' is not a cron expression (six fields: second minute hour day month weekday)");
        }
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("taskvault.backup.retention must be positive, not " + retention);
        }
    }
}
