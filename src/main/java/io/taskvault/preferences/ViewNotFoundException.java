package io.taskvault.preferences;

/** No saved view of that name; the message names the closest one the person has, or those they have. */
public class ViewNotFoundException extends RuntimeException {

    public ViewNotFoundException(String message) {
        super(message);
    }
}
