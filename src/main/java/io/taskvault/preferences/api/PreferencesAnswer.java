package io.taskvault.preferences.api;

import java.util.List;

import io.taskvault.preferences.UserPreferences;

/** The caller's preferences as the API shows them: whose they are, the defaults and the names of the saved views. */
record PreferencesAnswer(String user, String defaultRole, String defaultProvider, List<String> views) {

    static PreferencesAnswer of(UserPreferences mine) {
        return new PreferencesAnswer(mine.user(), mine.defaultRole(), mine.defaultProvider(),
                List.copyOf(mine.views().keySet()));
    }
}
