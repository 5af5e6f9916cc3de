package io.taskvault.security;

import java.time.Instant;

/**
 * A program's API token as stored: only the SHA-256 of its secret, never the secret itself.
 *
 * @param id     hex SHA-256 of the secret (also the document's _id, so a lookup is one index hit)
 * @param name   the actor that the token's requests are recorded under
 * @param prefix the secret's first characters, so a person can tell tokens apart in a list
 */
public record ApiToken(String id, String name, Role role, String prefix, Instant createdAt, Instant revokedAt,
                       int schemaVersion) {

    public static final int SCHEMA_VERSION = 1;

    public boolean active() {
        return revokedAt == null;
    }
}
