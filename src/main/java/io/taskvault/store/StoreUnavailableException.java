package io.taskvault.store;

/** The store cannot take a write: it failed to commit, or it is closing. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
