/**
 * Schema evolution. Every versioned collection (tasks, task_history, task_outputs) has one ordered chain of
 * {@link io.taskvault.store.schema.UpgradeStep}s, version N → N+1 on the raw {@code org.bson.Document}; a document
 * without {@code schemaVersion} is version 1, one newer than its chain knows is refused
 * ({@link io.taskvault.store.schema.SchemaTooNewException}).
 *
 * <p>Why the {@code SchemaUpgrader} seam on the read path, and not Spring Data's {@code AfterLoadEvent} or a
 * reading converter: the stores read raw documents through the driver ({@code MongoCollection.find} by exact keys,
 * so the embedded engine uses its indexes) and map them with {@code MongoConverter.read}; neither path publishes
 * {@code AfterLoadEvent}, which only {@code MongoTemplate}'s own find methods raise. A reading converter for
 * {@code Document → Task} would take over the whole mapping of the type, one per type, and cannot see the
 * collection. History must be upgraded on a copy, because its hash chain covers the stored form; the seam lets
 * {@code HistoryStore} do exactly that. The seam is one interface, called at each of the three mapping points.
 *
 * <p>Queries filter and sort on stored fields, so a v1 task ({@code status}, {@code metadata.created_at}) is
 * found by a filter on {@code state} or a sort on {@code createdAt} only once it is rewritten: the
 * {@link io.taskvault.store.schema.BatchUpgrade} does that in the background at start-up and on demand
 * ({@code schema upgrade}, {@code POST /api/schema/upgrade}). Until then every read of a task, and every list
 * without such a filter, returns it whole and in today's shape. History is never rewritten.
 *
 * <p>The batch upgrader reads the ids of old documents in one pass, then rewrites them in batches of
 * {@code taskvault.schema.batch-size} consecutive ids: one read ({@code $in} on exact ids, which the embedded engine
 * serves from its _id index, where an _id range would scan the collection) and one unordered bulk write per batch,
 * with {@code taskvault.schema.writers} batches in flight. Each batch re-checks the versions it reads, so a document
 * saved meanwhile is left alone.
 */
package io.taskvault.store.schema;
