package io.taskvault.context;

import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

import io.taskvault.store.StoreChanges;
import io.taskvault.system.MadeAtStart;

/**
 * Forgets every cached prompt context and health score when the store reports a write, by any process: a prompt
 * context reads the task, its records, its dependencies, their outputs and history, and the feed names only the
 * collection written, so any write may change any of them.
 */
@Component
@MadeAtStart
class PromptContextCache {

    static final String NAME = "prompt-context";

    PromptContextCache(CacheManager caches, StoreChanges changes) {
        changes.clearOnWrite(caches.getCache(NAME));
    }
}
