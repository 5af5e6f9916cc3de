package io.taskvault.archive;

import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

import io.taskvault.store.StoreChanges;
import io.taskvault.system.MadeAtStart;

/**
 * Forgets every cached archived-task lookup when the store reports a write to the archive, by any process on the
 * same store; the cache's one-second expiry bounds what a read racing that write can leave behind.
 */
@Component
@MadeAtStart
class ArchivedTaskCache {

    static final String NAME = "archived-tasks";

    ArchivedTaskCache(CacheManager caches, StoreChanges changes) {
        changes.clearOnWrite(caches.getCache(NAME), ArchiveStore.COLLECTION);
    }
}
