package io.taskvault.integrity;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;


/** Health "integrity": the last integrity check (kept across restarts); UNKNOWN when it found problems. */
@Component("integrity")
class IntegrityHealthIndicator implements HealthIndicator {

    private final IntegrityCheck check;

    IntegrityHealthIndicator(IntegrityCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        IntegrityReport last = check.lastReport().orElse(null);
        if (last == null) {
            return Health.unknown().withDetail("lastCheck", "none yet").build();
        }
        //why: a broken chain is for operators to look at, not a reason for an orchestrator to restart the app
        Health.Builder builder = last.intact() ? Health.up() : Health.unknown();
        return builder.withDetail("lastCheck", last.at().toString()).withDetail("result", last.summary())
                .withDetail("problems", last.findings().size()).build();
    }
}
