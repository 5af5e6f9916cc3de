package io.taskvault.store.schema;

import java.util.Map;

import io.taskvault.system.TaskvaultException;

/** A stored document was written by a newer taskvault than this one; it is refused rather than misread. */
public class SchemaTooNewException extends TaskvaultException {

    private final String collection;
    private final Object documentId;
    private final int found;
    private final int newestKnown;

    public SchemaTooNewException(String collection, Object documentId, int found, int newestKnown) {
        super(Kind.CONFLICT, "Document written by a newer taskvault", "document " + documentId + " in " + collection + " has schemaVersion " + found
                + " but this taskvault knows versions up to " + newestKnown + "; upgrade taskvault to read it");
        this.collection = collection;
        this.documentId = documentId;
        this.found = found;
        this.newestKnown = newestKnown;
    }

    public String collection() {
        return collection;
    }

    public Object documentId() {
        return documentId;
    }

    public int found() {
        return found;
    }

    public int newestKnown() {
        return newestKnown;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("collection", collection, "documentId", String.valueOf(documentId), "found", found,
                "newestKnown", newestKnown);
    }
}
