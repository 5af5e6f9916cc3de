package io.taskvault.store.schema;

import java.util.List;

import org.bson.Document;

/**
 * Rewrites old task documents in the newest shape, for the batch upgrade: the task feature knows how (an old task
 * may need a key and the history a new one gets), the store only when.
 */
public interface TaskRewriter {

    /** Rewrites the given raw tasks (all older than the newest version); returns how many were rewritten. */
    int rewrite(List<Document> raws);
}
