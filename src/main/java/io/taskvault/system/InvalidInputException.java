package io.taskvault.system;

/** Input a person or program gave that the product cannot use, outside a task's own fields. */
public class InvalidInputException extends TaskvaultException {

    public InvalidInputException(String message) {
        super(Kind.INVALID, "Invalid input", message);
    }

    protected InvalidInputException(String title, String message) {
        super(Kind.INVALID, title, message);
    }
}
