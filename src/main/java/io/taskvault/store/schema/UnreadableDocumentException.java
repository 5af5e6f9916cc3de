package io.taskvault.store.schema;

import io.taskvault.system.TaskvaultException;

/** A stored document in an old shape holds a value its upgrade cannot translate; named, never guessed at. */
public class UnreadableDocumentException extends TaskvaultException {

    public UnreadableDocumentException(String collection, Object documentId, String field, String problem) {
        super(Kind.CONFLICT, "Stored document cannot be upgraded", "document " + documentId + " in " + collection + ": " + field + " " + problem);
    }
}
