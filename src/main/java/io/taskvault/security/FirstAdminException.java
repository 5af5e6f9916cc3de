package io.taskvault.security;

/** Thrown at start-up when the first admin ({@link FirstAdminProperties}) is given only in part or unusably. */
public class FirstAdminException extends RuntimeException {

    public FirstAdminException(String reason) {
        super(reason);
    }
}
