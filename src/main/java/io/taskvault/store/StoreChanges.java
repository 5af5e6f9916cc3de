package io.taskvault.store;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * A change counter per collection. The embedded server bumps it for every write it commits, whichever
 * process sent the write; the service bumps it for its own writes on a real MongoDB. Caches compare it.
 */
@Component
public class StoreChanges {

    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<Consumer<Collection<Object>>>> listeners = new ConcurrentHashMap<>();
    private final AtomicLong all = new AtomicLong();

    /**
     * A write this process made through the service: bumps the counters, which caches rely on when the store is a
     * shared MongoDB. Listeners are not told: on the embedded store the server already reported the write with
     * the ids it touched, and an id-less notice would make them reload everything.
     */
    public void written(String collection) {
        all.incrementAndGet();
        if (collection != null) {
            counters.computeIfAbsent(collection, c -> new AtomicLong()).incrementAndGet();
        }
    }

    /** A write to the collection, touching the given ids (null: any document may have changed). */
    public void written(String collection, Collection<Object> ids) {
        written(collection);
        if (collection != null) {
            listeners.getOrDefault(collection, List.of()).forEach(listener -> listener.accept(ids));
        }
    }

    /** Calls the listener after every write to the collection, in the writer's thread, before it is acknowledged. */
    public void onWrite(String collection, Consumer<Collection<Object>> listener) {
        listeners.computeIfAbsent(collection, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    public long version(String collection) {
        AtomicLong counter = counters.get(collection);
        return counter == null ? 0 : counter.get();
    }

    public long version() {
        return all.get();
    }
}
