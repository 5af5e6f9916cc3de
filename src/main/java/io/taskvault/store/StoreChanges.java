package io.taskvault.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * A change counter per collection. The embedded server bumps it for every write it commits, whichever
 * process sent the write; the service bumps it for its own writes on a real MongoDB. Caches compare it.
 */
@Component
public class StoreChanges {

    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final AtomicLong all = new AtomicLong();

    public void written(String collection) {
        all.incrementAndGet();
        if (collection != null) {
            counters.computeIfAbsent(collection, c -> new AtomicLong()).incrementAndGet();
        }
    }

    public long version(String collection) {
        AtomicLong counter = counters.get(collection);
        return counter == null ? 0 : counter.get();
    }

    public long version() {
        return all.get();
    }
}
