package io.taskvault.store.schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;

/**
 * Starts the batch upgrade on the application's task executor once the application is ready (not an
 * ApplicationRunner: any such bean would switch the shell's runner off). Reads are correct meanwhile: each one
 * upgrades on the fly. At shutdown the writers take no new batch, so the upgrade stops after the batches under way
 * and goes on at the next start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchemaProperties.class)
class StartupUpgrade {

    private static final Logger log = LoggerFactory.getLogger(StartupUpgrade.class);

    private final BatchUpgrade upgrade;
    private final SchemaProperties properties;
    private final TaskExecutor background;
    private volatile boolean closing;

    StartupUpgrade(BatchUpgrade upgrade, SchemaProperties properties,
                   @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor background) {
        this.upgrade = upgrade;
        this.properties = properties;
        this.background = background;
    }

    @EventListener(ApplicationReadyEvent.class)
    void upgradeInBackground() {
        if (!properties.upgradeOnStart()) {
            return;
        }
        background.execute(() -> {
            try {
                UpgradeReport report = upgrade.runAtStartUp();
                log.info("Schema upgrade at start-up: {} documents rewritten in {} ms", report.rewritten(),
                        report.millis());
            } catch (RuntimeException e) {
                if (closing || e instanceof TaskRejectedException) {
                    //why: the writers take no new batch once the application closes; it resumes at the next start
                    log.info("Schema upgrade at start-up stopped by the shutdown; it goes on at the next start");
                    return;
                }
                log.error("Schema upgrade at start-up failed; old documents stay readable, run 'schema upgrade'", e);
            }
        });
    }

    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }
}
