package io.taskvault.security;

import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;

/**
 * {@code taskvault.security.admin.*}: the first ADMIN of an installation, given by whoever runs it; in a container
 * the variables {@value #NAME_VARIABLE} and {@value #PASSWORD_VARIABLE}. Both or neither.
 *
 * @param name     the sign-in name
 * @param password the password as typed (hashed with bcrypt when the application starts), or already hashed in
 *                 Spring's {@code {bcrypt}…} form
 */
@ConfigurationProperties("taskvault.security.admin")
public record FirstAdminProperties(String name, String password) {

    static final String NAME_VARIABLE = "TASKVAULT_SECURITY_ADMIN_NAME";
    static final String PASSWORD_VARIABLE = "TASKVAULT_SECURITY_ADMIN_PASSWORD";
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String HASHED = "{bcrypt}";

    public FirstAdminProperties {
        name = name == null || name.isBlank() ? null : name.trim();
        password = password == null || password.isEmpty() ? null : password;
    }

    /** Whether any part of the first admin is given (then all of it must be). */
    boolean configured() {
        return name != null || password != null;
    }

    /** Adds the first admin, when one is configured, to the people who may sign in. */
    void addTo(UserDetailsManager users, PasswordEncoder encoder) {
        user(encoder).ifPresent(admin -> {
            if (users.userExists(admin.getUsername())) {
                throw new FirstAdminException(NAME_VARIABLE + " names '" + admin.getUsername()
                        + "', who is also configured in taskvault.security.users: give the first admin another name");
            }
            users.createUser(admin);
        });
    }

    /** The first admin as a user with the ADMIN role, its password hashed; empty when none is configured. */
    Optional<UserDetails> user(PasswordEncoder encoder) {
        if (!configured()) {
            return Optional.empty();
        }
        if (name == null) {
            throw new FirstAdminException(PASSWORD_VARIABLE + " is set but " + NAME_VARIABLE
                    + " (taskvault.security.admin.name) is not: the first admin needs a name to sign in with");
        }
        if (password == null) {
            throw new FirstAdminException(NAME_VARIABLE + " is set but " + PASSWORD_VARIABLE
                    + " (taskvault.security.admin.password) is not: the first admin '" + name + "' needs a password");
        }
        return Optional.of(User.withUsername(name).password(hashed(encoder))
                .authorities(Role.ADMIN.authorities()).build());
    }

    private String hashed(PasswordEncoder encoder) {
        if (password.startsWith(HASHED)) {
            return password;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new FirstAdminException(PASSWORD_VARIABLE + " (taskvault.security.admin.password) is too short for a"
                    + " password that guards an ADMIN: it has " + password.length() + " characters, at least "
                    + MIN_PASSWORD_LENGTH + " are needed");
        }
        try {
            return encoder.encode(password);
        } catch (IllegalArgumentException e) {
            //why: bcrypt refuses passwords over 72 bytes; its message names the limit, never the password
            throw new FirstAdminException(PASSWORD_VARIABLE + " (taskvault.security.admin.password) cannot be used: "
                    + e.getMessage());
        }
    }

    //why: a record's own toString would print the password wherever the properties are logged or reported
    @Override
    public String toString() {
        return "FirstAdminProperties[name=" + name + ", password=" + (password == null ? "not set" : "******") + "]";
    }
}
