package io.taskvault.store;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A scheduler for the store's own threads (checkpoints, the change stream) that a paused application context leaves
 * running: it still stops at the context's close, after finishing the task under way.
 */
//why: a paused scheduler parks a task that falls due in beforeExecute, and a close that waits for running tasks
//    (waitForTasksToCompleteOnShutdown) does not wake it, so each paused context's close waited out its full
//    awaitTermination; Spring's test context cache pauses every context it is not using
class UnpausedScheduler extends ThreadPoolTaskScheduler {

    @Override
    public boolean isPauseable() {
        return false;
    }
}
