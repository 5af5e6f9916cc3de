package io.taskvault.store;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The pool of a batch job that runs now and then and resumes where it stopped (archival, a schema upgrade): a fixed
 * number of threads that go away between runs, and that take no new batch once the context closes.
 */
public final class ResumableBatchPool {

    private ResumableBatchPool() {
    }

    public static ThreadPoolTaskExecutor of(int threads, String threadNamePrefix) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setAllowCoreThreadTimeOut(true);
        //why: once the context closes the job stops before its next batch (its next run resumes it) instead of
        //     holding the shutdown; the context waits for the batches under way
        executor.setStrictEarlyShutdown(true);
        executor.setThreadNamePrefix(threadNamePrefix);
        return executor;
    }
}
