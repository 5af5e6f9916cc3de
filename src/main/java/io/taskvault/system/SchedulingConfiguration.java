package io.taskvault.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the periodic jobs (recovery, archival, integrity, backups); {@code taskvault.scheduling.enabled=false} stops them all. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "taskvault.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {
}
