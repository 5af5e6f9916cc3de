package io.taskvault.context;

/** A text body as stored: inline (fileId null) or in GridFS (inline null). */
record StoredBody(String inline, String fileId, long size) {

    static final StoredBody NONE = new StoredBody(null, null, 0);
}
