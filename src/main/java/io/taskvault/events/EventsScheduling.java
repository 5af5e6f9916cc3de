package io.taskvault.events;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The event stream's own scheduler (heartbeats and reads of new events). A Spring bean, so Actuator shows it under
 * {@code executor.*{name=eventStreamScheduler}} and it stops with the context, after the stream itself.
 */
@Configuration(proxyBeanMethods = false)
class EventsScheduling {

    static final String NAME = "eventStreamScheduler";

    //why: not a default candidate, so Boot still makes its taskScheduler for the periodic jobs, and nothing gets this
    //     one by type
    @Bean(name = NAME, defaultCandidate = false)
    ThreadPoolTaskScheduler eventStreamScheduler(Clock clock) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("taskvault-events-");
        scheduler.setClock(clock);
        return scheduler;
    }
}
