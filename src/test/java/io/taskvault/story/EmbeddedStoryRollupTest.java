package io.taskvault.story;

import io.taskvault.support.EmbeddedStoreTest;

/** The story and epic contract on the embedded mongo-java-server (H2 MVStore) store. */
@EmbeddedStoreTest
class EmbeddedStoryRollupTest extends StoryRollupContract {
}
