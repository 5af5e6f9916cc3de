package io.taskvault.graph;

import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

import io.taskvault.store.StoreChanges;
import io.taskvault.system.MadeAtStart;

/**
 * Forgets every cached next-task ranking when the store reports a write, by any process: a ranking reads every ready
 * task, its dependencies' states and the edges, so any write may change it.
 */
@Component
@MadeAtStart
class NextTaskCache {

    static final String NAME = "next-task";

    NextTaskCache(CacheManager caches, StoreChanges changes) {
        changes.clearOnWrite(caches.getCache(NAME));
    }
}
