package io.taskvault.recovery;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a RUNNING task counts as abandoned.
 *
 * @param lease    a RUNNING task without a heartbeat or update for this long is interrupted
 * @param interval how often the lease check runs after the one at start-up
 */
@Validated
@ConfigurationProperties("taskvault.recovery")
public record RecoveryProperties(@NotNull @DefaultValue("10m") Duration lease,
                                 @NotNull @DefaultValue("1m") Duration interval) {

    public RecoveryProperties {
        if (lease != null && (lease.isNegative() || lease.isZero())) {
            throw new IllegalArgumentException("taskvault.recovery.lease must be positive, not " + lease);
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("taskvault.recovery.interval must be positive, not " + interval);
        }
    }
}
