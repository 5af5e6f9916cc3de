package io.taskvault.archive;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/** Runs a job in one taskvault instance at a time, across every instance sharing the store (ShedLock on MongoDB). */
@Component
public class JobLocks {

    private final LockProvider provider;

    JobLocks(MongoDatabaseFactory databases) {
        this.provider = new MongoLockProvider(databases.getMongoDatabase());
    }

    /**
     * Runs the job if no other instance holds the lock; empty when another does.
     *
     * @param atLeast keeps the lock after a quick run, so an instance whose schedule fires a little later skips it
     */
    public <T> Optional<T> once(String name, Duration atMost, Duration atLeast, Supplier<T> job) {
        //why: ShedLock compares with its own wall clock; the app's (movable) Clock must not stretch real locks
        Optional<SimpleLock> lock = provider.lock(new LockConfiguration(ClockProvider.now(), name, atMost, atLeast));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(job.get());
        } finally {
            lock.get().unlock();
        }
    }
}
