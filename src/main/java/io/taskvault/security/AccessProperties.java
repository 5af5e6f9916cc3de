package io.taskvault.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code taskvault.security.*}: who may log in. On a loopback server.address nobody needs to, unless
 * {@code require-login} is true; on any other address the app refuses to start until users or API tokens exist.
 *
 * @param requireLogin ask for a login even from this machine
 * @param users        people who log in to the dashboard; passwords in Spring's {@code {bcrypt}…} form
 */
@ConfigurationProperties("taskvault.security")
public record AccessProperties(boolean requireLogin, List<User> users) {

    public AccessProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** One configured person: a name, an encoded password and a role. */
    public record User(String name, String password, Role role) {
    }
}
