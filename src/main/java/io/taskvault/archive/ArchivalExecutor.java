package io.taskvault.archive;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.taskvault.store.ResumableBatchPool;

/**
 * The threads that move a batch of tasks to the archive at once ({@code taskvault.archival.threads} of them). A Spring
 * bean, so Actuator shows it under {@code executor.*{name=archivalTaskExecutor}}, and when the context closes it takes no new
 * move and the context waits for the moves under way.
 */
@Configuration(proxyBeanMethods = false)
class ArchivalExecutor {

    static final String NAME = "archivalTaskExecutor";

    //why: not a default candidate, so Boot still makes its applicationTaskExecutor and nothing else gets this by type
    @Bean(name = NAME, defaultCandidate = false)
    ThreadPoolTaskExecutor archivalTaskExecutor(ArchivalProperties properties) {
        return ResumableBatchPool.of(properties.threads(), "taskvault-archival-");
    }
}
