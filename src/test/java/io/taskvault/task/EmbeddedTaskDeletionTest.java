package io.taskvault.task;

import io.taskvault.support.EmbeddedStoreTest;

/** Deleting a task on the embedded mongo-java-server (H2 MVStore) store. */
@EmbeddedStoreTest
class EmbeddedTaskDeletionTest extends TaskDeletionContract {
}
