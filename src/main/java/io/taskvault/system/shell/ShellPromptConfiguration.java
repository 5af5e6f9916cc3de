package io.taskvault.system.shell;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The thread the interactive prompt runs on, one per session: a Spring executor, so the prompt's thread is named
 * and managed like the application's other background work. The prompt blocks on the terminal for as long as the
 * session lasts, so it gets a thread of its own rather than one of a shared pool.
 */
@Configuration(proxyBeanMethods = false)
class ShellPromptConfiguration {

    static final String NAME = "shellPromptExecutor";

    //why: not a default candidate, so Boot still makes its applicationTaskExecutor and nothing else gets this by type
    @Bean(name = NAME, defaultCandidate = false)
    SimpleAsyncTaskExecutor shellPromptExecutor() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("shell-prompt-");
        executor.setConcurrencyLimit(1);
        return executor;
    }
}
