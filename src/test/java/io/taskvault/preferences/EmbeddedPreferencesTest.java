package io.taskvault.preferences;

import io.taskvault.support.EmbeddedStoreTest;

/** The preferences contract on the embedded mongo-java-server (H2 MVStore) store. */
@EmbeddedStoreTest
class EmbeddedPreferencesTest extends PreferencesContract {
}
