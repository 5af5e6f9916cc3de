package io.taskvault.task;

import io.taskvault.support.EmbeddedStoreTest;

/** The storage contract on the embedded mongo-java-server (H2 MVStore) store. */
@EmbeddedStoreTest
class EmbeddedTaskServiceTest extends TaskServiceContract {
}
