package io.taskvault.preferences;

import io.taskvault.system.TaskvaultException;

/** No saved view of that name; the message names the closest one the person has, or those they have. */
public class ViewNotFoundException extends TaskvaultException {

    public ViewNotFoundException(String message) {
        super(Kind.NOT_FOUND, "View not found", message);
    }
}
