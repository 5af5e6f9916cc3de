package io.taskvault.preferences.api;

/**
 * The defaults {@code PUT /api/preferences} sets; a missing or null one is cleared.
 *
 * @param defaultRole     the role a task the caller creates gets when it names none
 * @param defaultProvider the provider likewise
 */
record PreferencesBody(String defaultRole, String defaultProvider) {
}
