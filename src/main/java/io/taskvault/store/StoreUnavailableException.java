package io.taskvault.store;

import io.taskvault.system.TaskvaultException;

/** The store cannot take a write: it failed to commit, or it is closing. */
public class StoreUnavailableException extends TaskvaultException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, "Store unavailable", message, cause);
    }
}
