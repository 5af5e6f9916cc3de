package io.taskvault.store.schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Starts the batch upgrade in the background once the application is ready (not an ApplicationRunner: any
 * such bean would switch the shell's runner off). Reads are correct meanwhile: each one upgrades on the fly.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchemaProperties.class)
class StartupUpgrade {

    private static final Logger log = LoggerFactory.getLogger(StartupUpgrade.class);

    private final BatchUpgrade upgrade;
    private final SchemaProperties properties;
    private volatile boolean closing;

    StartupUpgrade(BatchUpgrade upgrade, SchemaProperties properties) {
        this.upgrade = upgrade;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void upgradeInBackground() {
        if (!properties.upgradeOnStart()) {
            return;
        }
        Thread worker = new Thread(() -> {
            try {
                UpgradeReport report = upgrade.runAtStartUp();
                log.info("Schema upgrade at start-up: {} documents rewritten in {} ms", report.rewritten(),
                        report.millis());
            } catch (RuntimeException e) {
                if (closing) {
                    //why: the store closed under the upgrade at shutdown; it resumes at the next start
                    log.info("Schema upgrade at start-up stopped by the shutdown; it goes on at the next start");
                    return;
                }
                log.error("Schema upgrade at start-up failed; old documents stay readable, run 'schema upgrade'", e);
            }
        }, "schema-upgrade");
        worker.setDaemon(true);
        worker.start();
    }

    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }
}
