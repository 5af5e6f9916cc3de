package io.taskvault.store.schema;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.taskvault.store.ResumableBatchPool;

/**
 * The threads that write an upgrade's batches ({@code taskvault.schema.writers} of them). A Spring bean, so Actuator
 * shows it under {@code executor.*{name=schemaUpgradeTaskExecutor}}, and when the context closes it takes no new
 * batch and the context waits for the batches under way.
 */
@Configuration(proxyBeanMethods = false)
class SchemaUpgradeExecutor {

    static final String NAME = "schemaUpgradeTaskExecutor";

    //why: not a default candidate, so Boot still makes its applicationTaskExecutor and nothing else gets this by type
    @Bean(name = NAME, defaultCandidate = false)
    ThreadPoolTaskExecutor schemaUpgradeTaskExecutor(SchemaProperties properties) {
        return ResumableBatchPool.of(properties.writers(), "schema-upgrade-writer-");
    }
}
