package io.taskvault.system.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.taskvault.archive.ArchivalJob;
import io.taskvault.archive.ArchivalReport;

/** Health "archival": the last run's result (kept across restarts) and the next run; UNKNOWN after a run that stopped early. */
@Component("archival")
class ArchivalHealthIndicator implements HealthIndicator {

    private final ArchivalJob job;

    ArchivalHealthIndicator(ArchivalJob job) {
        this.job = job;
    }

    @Override
    public Health health() {
        ArchivalReport last = job.lastReport().orElse(null);
        Health.Builder builder = last == null || last.succeeded() ? Health.up() : Health.unknown();
        job.nextRun().ifPresent(next -> builder.withDetail("nextRun", next.toString()));
        if (last == null) {
            return builder.withDetail("lastRun", "never").build();
        }
        return builder.withDetail("lastRun", last.startedAt().toString()).withDetail("lastResult", last.summary()).build();
    }
}
