package io.taskvault.store;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cache.Cache;
import org.springframework.stereotype.Component;

/**
 * The store's change feed: a change counter per collection that moves on every write by any process on the store,
 * on either engine. The embedded server reports every write it commits, whichever process sent it; on MongoDB its
 * change stream does ({@link ChangeStreamFeed}). The service also reports its own writes at once, so a reader in this
 * process never waits for the feed. The dashboard's live refresh and the caches compare the counters.
 */
@Component
public class StoreChanges {

    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final AtomicLong all = new AtomicLong();
    private final CopyOnWriteArrayList<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** A write to the collection (null: a write the store could not attribute to one). */
    public void written(String collection) {
        all.incrementAndGet();
        if (collection != null) {
            counters.computeIfAbsent(collection, c -> new AtomicLong()).incrementAndGet();
        }
        listeners.forEach(listener -> listener.accept(collection));
    }

    /**
     * Calls the listener with the collection (or null) after every write, in the writer's thread, so it must only
     * hand the work on; the returned handle stops the calls.
     */
    public Runnable listen(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Empties the cache after every write to one of {@code collections} (to any collection when none is named), by any
     * process on the store; a write the feed cannot place (a null collection) empties it too. A missing cache is left.
     */
    public void clearOnWrite(Cache cache, String... collections) {
        if (cache == null) {
            return;
        }
        Set<String> watched = Set.of(collections);
        listen(collection -> {
            if (watched.isEmpty() || collection == null || watched.contains(collection)) {
                cache.clear();
            }
        });
    }

    public long version(String collection) {
        AtomicLong counter = counters.get(collection);
        return counter == null ? 0 : counter.get();
    }

    public long version() {
        return all.get();
    }
}
