package io.taskvault.integrity;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * When the integrity check runs on its own.
 *
 * @param cron Spring cron (six fields), daily at 04:00 by default; "-" turns the schedule off
 */
@Validated
@ConfigurationProperties("taskvault.integrity")
public record IntegrityProperties(@NotBlank @DefaultValue("0 0 4 * * *") String cron) {

    public IntegrityProperties {
        if (cron != null && !cron.isBlank() && !"-".equals(cron) && !CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("taskvault.integrity.cron '" + cron
                    + "' is not a cron expression (six fields: second minute hour day month weekday)");
        }
    }
}
