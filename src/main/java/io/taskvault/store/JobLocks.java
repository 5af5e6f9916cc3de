package io.taskvault.store;

import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/** Runs a job in one taskvault instance at a time, across every instance sharing the store (ShedLock on MongoDB). */
@Component
public class JobLocks {

    static final String COLLECTION = "shedLock";
    private static final Logger log = LoggerFactory.getLogger(JobLocks.class);

    private final LockProvider provider;

    JobLocks(MongoDatabaseFactory databases, StoreInfo store) {
        this.provider = new MongoLockProvider(databases.getMongoDatabase());
        if (store.heldByThisProcessAlone()) {
            releaseLocksOfEarlierProcesses(databases.getMongoDatabase().getCollection(COLLECTION));
        }
    }

    //why: this process holds the store alone, so a lock still held in it belongs to a process of
    //    this store that ended without releasing it (a crash mid-run); left alone it blocked archival for 6 hours
    private static void releaseLocksOfEarlierProcesses(MongoCollection<Document> locks) {
        Date now = new Date();
        long released = locks.updateMany(Filters.gt("lockUntil", now), Updates.set("lockUntil", now)).getModifiedCount();
        if (released > 0) {
            log.warn("Released {} job lock(s) left by an earlier process of this store that ended while holding them",
                    released);
        }
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
