package io.taskvault.story;

import io.taskvault.store.schema.MongoContainerStoreTest;

/** The story and epic contract on a real MongoDB (Testcontainers), where a Docker engine is present. */
@MongoContainerStoreTest
class MongoContainerStoryRollupTest extends StoryRollupContract {
}
