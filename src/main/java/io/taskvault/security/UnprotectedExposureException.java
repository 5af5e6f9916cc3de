package io.taskvault.security;

/** Thrown at start-up when taskvault would listen beyond this machine with nobody able to log in. */
public class UnprotectedExposureException extends RuntimeException {

    private final String address;

    public UnprotectedExposureException(String address, String reason) {
        super(reason);
        this.address = address;
    }

    public String address() {
        return address;
    }
}
