package io.taskvault.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import io.taskvault.system.InvalidInputException;

/** Who may do what: each role includes the ones below it (ADMIN ⊃ OPERATOR ⊃ VIEWER). */
public enum Role {
    /** Reads the dashboard and the API. */
    VIEWER,
    /** Also creates tasks, moves them, adds outputs and notes. */
    OPERATOR,
    /** Also imports, archives, restores, deletes and backs up. */
    ADMIN;

    /** The Spring authorities of this role: its own and those of every role it includes. */
    public List<GrantedAuthority> authorities() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal())
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    /** Reads a role name in any case, naming the valid ones when it is not one. */
    public static Role parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidInputException("'" + name + "' is not a role; use one of " + Arrays.toString(values()));
        }
    }
}
