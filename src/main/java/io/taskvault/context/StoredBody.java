package io.taskvault.context;

/** A body as stored: inline, as text or object (fileId null), or in GridFS as text (inline null). */
record StoredBody(Object inline, String fileId, long size) {

    static final StoredBody NONE = new StoredBody(null, null, 0);
}
