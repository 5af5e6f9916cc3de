package io.taskvault.backup;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;


/** Health "backup": the age of the newest backup; UNKNOWN when there is none or it is older than two days. */
@Component("backup")
public class BackupHealthIndicator implements HealthIndicator {

    static final Duration STALE = Duration.ofDays(2);

    private final Backups backups;
    private final Clock clock;

    BackupHealthIndicator(Backups backups, Clock clock) {
        this.backups = backups;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Health health = backups.latest().map(this::describe)
                .orElseGet(() -> Health.unknown().withDetail("latest", "no backup yet").build());
        return backups.lastReport().map(last -> Health.status(health.getStatus()).withDetails(health.getDetails())
                .withDetail("lastOperation", last.summary()).build()).orElse(health);
    }

    private Health describe(BackupInfo latest) {
        Duration age = Duration.between(latest.createdAt(), clock.instant());
        //why: an old backup is a warning for operators, not a reason for an orchestrator to restart the app
        Health.Builder builder = age.compareTo(STALE) > 0 ? Health.unknown().withDetail("stale", true) : Health.up();
        return builder.withDetail("latest", latest.name()).withDetail("ageSeconds", age.toSeconds())
                .withDetail("documents", latest.documents()).build();
    }
}
