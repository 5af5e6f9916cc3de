package io.taskvault.preferences;

import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

import io.taskvault.store.StoreChanges;
import io.taskvault.system.MadeAtStart;

/**
 * Forgets every cached person's preferences when the store reports a write to them by any process on the same store
 * (a shell command in a process of its own, another server); the cache's one-second expiry bounds a racing read.
 */
@Component
@MadeAtStart
class PreferencesCache {

    static final String NAME = "user-preferences";

    PreferencesCache(CacheManager caches, StoreChanges changes) {
        changes.clearOnWrite(caches.getCache(NAME), UserPreferences.COLLECTION);
    }
}
