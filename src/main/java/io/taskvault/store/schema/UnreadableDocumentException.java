package io.taskvault.store.schema;

/** A stored document in an old shape holds a value its upgrade cannot translate; named, never guessed at. */
public class UnreadableDocumentException extends RuntimeException {

    public UnreadableDocumentException(String collection, Object documentId, String field, String problem) {
        super("document " + documentId + " in " + collection + ": " + field + " " + problem);
    }
}
