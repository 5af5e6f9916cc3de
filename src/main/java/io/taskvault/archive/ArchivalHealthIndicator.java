package io.taskvault.archive;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;


/** Health "archival": the last run's result (kept across restarts) and the next run; UNKNOWN after a run that stopped early. */
@Component("archival")
public class ArchivalHealthIndicator implements HealthIndicator {

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
