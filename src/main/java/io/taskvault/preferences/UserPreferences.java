package io.taskvault.preferences;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's preferences (seed 001's {@code user_preferences}): their saved views by name, and the role and provider
 * a task they create gets when it names none.
 *
 * @param user the person: a signed-in name, a token's name, or this machine's user for the login-free local user
 */
@Document(UserPreferences.COLLECTION)
public record UserPreferences(@Id String user, int schemaVersion, Map<String, SavedView> views, String defaultRole,
                              String defaultProvider, Instant updatedAt) {

    public static final String COLLECTION = "user_preferences";
    public static final int SCHEMA_VERSION = 1;

    public UserPreferences {
        views = views == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(views));
    }

    /** Someone who has saved nothing yet. */
    static UserPreferences none(String user) {
        return new UserPreferences(user, SCHEMA_VERSION, Map.of(), null, null, null);
    }
}
