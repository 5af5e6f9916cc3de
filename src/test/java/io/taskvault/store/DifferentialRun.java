package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * The body of {@link IndexedQueryDifferentialTest}, run in a JVM of its own: the same task-shaped documents in a
 * collection with the application's indexes and in one with none, thousands of seeded queries against both; then
 * again after a process writing to it was killed with SIGKILL and it reopened. A failed assertion ends the process
 * with its stack trace and exit code 1.
 */
public final class DifferentialRun {

    private static final int DOCUMENTS = 10_000;
    private static final String DATABASE = "diff";
    private static final int WHOLE_EVERY = 10;
    //why: after the restart the queries look for index entries the replay lost or doubled, which tornIndexEntries
    //    has already counted directly; 300 draw each of the 14 condition kinds about 40 times
    private static final int AFTER_RESTART = 300;
    //why: the engine locks each collection, so two workers overlap on the indexed one and the copies; on two cores
    //    beside the test sequence this took the run from 110 s to 75 s alone, for the same CPU
    private static final int WORKERS = 2;

    private DifferentialRun() {
    }

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]));
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Path folder) throws Exception {
        Path data = folder.resolve("diff.mv");
        long start = System.nanoTime();
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> indexed = client.getDatabase(DATABASE).getCollection("indexed");
            indexed.createIndexes(TaskShapedData.taskIndexes());
            TaskShapedData shapes = new TaskShapedData(17);
            List<Document> batch = new ArrayList<>();
            for (int n = 0; n < DOCUMENTS; n++) {
                batch.add(shapes.task(n));
                if (batch.size() == 1_000) {
                    indexed.insertMany(batch);
                    batch.clear();
                }
            }
            System.out.printf("%,d documents loaded at %d ms%n", DOCUMENTS, (System.nanoTime() - start) / 1_000_000);
            long[] served = compare(server, client, 23, 2_000);
            assertThat(served[0]).as("queries the secondary indexes served").isGreaterThan(300);
            assertThat(served[1]).as("counts the secondary indexes answered alone").isGreaterThan(20);
            System.out.printf("before the kill: 2,000 queries, %d served by the indexes, %d counts by an index alone;"
                    + " done at %d ms%n", served[0], served[1], (System.nanoTime() - start) / 1_000_000);
        }

        writeUntilKilled(data, 400);
        assertThat(tornIndexEntries(data)).as("index entries out of step with documents after the kill").isZero();
        System.out.printf("killed and checked at %d ms%n", (System.nanoTime() - start) / 1_000_000);
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.replayedWrites()).as("the kill left logged writes to replay").isPositive();
            long[] served = compare(server, client, 29, AFTER_RESTART);
            assertThat(served[0]).isGreaterThan(AFTER_RESTART / 10);
            System.out.printf("after the restart: " + AFTER_RESTART + " queries, %d served by the indexes; done at %d ms%n", served[0],
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Copies the indexed collection into {@value #WORKERS} collections without secondary indexes, then runs the queries
     * on the indexed one and a copy, each worker with its own seeded queries and copy. All hold the same documents
     * (checked first), so a result is decided by its ids in their order: every query compares those
     * and the count; every {@value #WHOLE_EVERY}th compares the whole documents as well.
     * //why: the ids-only answers spare encoding and decoding every matching document twice per query, a quarter of
     * //    the test's time; the engine still matches and sorts the whole documents, as for any projection
     */
    private static long[] compare(EmbeddedMongoServer server, MongoClient client, long seed, int rounds) throws Exception {
        MongoCollection<Document> indexed = client.getDatabase(DATABASE).getCollection("indexed");
        List<Document> all = indexed.find().into(new ArrayList<>());
        assertThat(all).hasSizeGreaterThanOrEqualTo(DOCUMENTS);
        List<Document> byIdOrder = indexed.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
        List<MongoCollection<Document>> copies = new ArrayList<>();
        for (int worker = 0; worker < WORKERS; worker++) {
            MongoCollection<Document> scanned = client.getDatabase(DATABASE).getCollection("scanned" + worker);
            scanned.drop();
            for (int from = 0; from < all.size(); from += 1_000) {
                scanned.insertMany(all.subList(from, Math.min(all.size(), from + 1_000)));
            }
            assertThat(scanned.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                    .as("the scanned copy holds the indexed collection's documents").isEqualTo(byIdOrder);
            copies.add(scanned);
        }
        long[] before = readsAndCounts(server);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < WORKERS; worker++) {
                MongoCollection<Document> scanned = copies.get(worker);
                TaskShapedData queries = new TaskShapedData(seed * 1_000 + worker);
                int share = rounds / WORKERS + (worker < rounds % WORKERS ? 1 : 0);
                running.add(workers.submit(() -> rounds(indexed, scanned, queries, share)));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        long[] after = readsAndCounts(server);
        return new long[] {after[0] - before[0], after[1] - before[1]};
    }

    private static Void rounds(MongoCollection<Document> indexed, MongoCollection<Document> scanned, TaskShapedData queries,
                               int rounds) {
        for (int round = 0; round < rounds; round++) {
            Bson filter = queries.filter();
            Bson sort = queries.sort();
            Bson fields = round % WHOLE_EVERY == 0 ? null : Projections.include("_id");
            String shown = filter.toBsonDocument() + (sort == null ? "" : " sort " + sort.toBsonDocument())
                    + (fields == null ? "" : " (ids)");
            //why: one forced scan per query, all its matches in the scan's order; the indexed side's skip, limit and
            //    count are checked against slices of it, as the scan would give them
            List<Document> matching = sort == null ? byId(scanned.find(filter).projection(fields))
                    : scanned.find(filter).projection(fields).sort(sort).into(new ArrayList<>());
            if (sort == null) {
                assertThat(byId(indexed.find(filter).projection(fields))).as("unsorted %s", shown).isEqualTo(matching);
            } else {
                int skip = queries.skip();
                int limit = queries.limit();
                assertThat(indexed.find(filter).projection(fields).sort(sort).skip(skip).limit(limit)
                        .into(new ArrayList<>()))
                        .as("%s skip %d limit %d", shown, skip, limit)
                        .isEqualTo(window(matching, skip, limit));
            }
            int skip = queries.chance(3) ? queries.skip() : 0;
            int limit = skip > 0 || queries.chance(3) ? queries.limit() : 0;
            assertThat(indexed.countDocuments(filter, new CountOptions().skip(skip).limit(limit)))
                    .as("count %s skip %d limit %d", shown, skip, limit)
                    .isEqualTo(window(matching, skip, limit).size());
        }
        return null;
    }

    /** What skip and limit leave of a result (a limit of 0 is none). */
    private static List<Document> window(List<Document> all, int skip, int limit) {
        int from = Math.min(skip, all.size());
        return all.subList(from, limit > 0 ? Math.min(all.size(), from + limit) : all.size());
    }

    private static List<Document> byId(FindIterable<Document> found) {
        List<Document> documents = found.into(new ArrayList<>());
        documents.sort(Comparator.comparing(document -> String.valueOf(document.get("_id"))));
        return documents;
    }

    private static long[] readsAndCounts(EmbeddedMongoServer server) {
        return ((IndexedH2Collection) server.backend().resolveDatabase(DATABASE).resolveCollection("indexed", false))
                .indexedReadsAndCounts();
    }

    private static void writeUntilKilled(Path data, int acksBeforeKill) throws Exception {
        Process child = new ProcessBuilder(EmbeddedStoreCrashTest.childJvm(DifferentialWriter.class, data.toString(),
                String.valueOf(DOCUMENTS)))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int acks = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acks < acksBeforeKill && (line = out.readLine()) != null) {
                if (line.startsWith("ACK")) {
                    acks++;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acks).as("the writer acknowledged writes before it was killed").isEqualTo(acksBeforeKill);
    }

    private static int tornIndexEntries(Path data) {
        org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(data.toString())
                .autoCommitDisabled().open();
        try {
            return IndexRepair.repair(store, new CommittingH2Backend(store, (c, ids) -> { }));
        } finally {
            store.closeImmediately();
        }
    }
}
