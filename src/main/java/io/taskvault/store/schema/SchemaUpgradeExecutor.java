package io.taskvault.store.schema;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

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
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.writers());
        executor.setMaxPoolSize(properties.writers());
        //why: an upgrade runs at start-up or when asked; between runs the threads go away
        executor.setAllowCoreThreadTimeOut(true);
        //why: once the context closes it takes no new task, so an upgrade stops before its next batch (it resumes at
        //     the next start) instead of holding the shutdown; the context waits for the batches under way
        executor.setStrictEarlyShutdown(true);
        executor.setThreadNamePrefix("schema-upgrade-writer-");
        return executor;
    }
}
