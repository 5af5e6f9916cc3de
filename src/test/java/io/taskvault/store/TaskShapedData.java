package io.taskvault.store;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/**
 * Seeded documents shaped like tasks (fields missing, null, of mixed types, arrays empty or not) and seeded
 * queries of the shapes the application issues and more, for the indexed-versus-scanned comparison.
 */
final class TaskShapedData {

    static final List<String> STATES = List.of("OPEN", "RUNNING", "DONE", "FAILED", "BLOCKED", "CANCELLED");
    static final List<String> TAGS = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    static final List<String> ROLES = List.of("dev", "ops", "qa");
    static final long BASE = 1_780_000_000_000L;

    private final Random random;

    TaskShapedData(long seed) {
        this.random = new Random(seed);
    }

    /** The indexes IndexSetup gives tasks, plus a compound one with a range key after two equality keys. */
    static List<IndexModel> taskIndexes() {
        return List.of(
                new IndexModel(Indexes.ascending("key"), new IndexOptions().name("key").unique(true).sparse(true)),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.descending("updatedAt")),
                        new IndexOptions().name("state_updatedAt")),
                new IndexModel(Indexes.ascending("tags"), new IndexOptions().name("tags")),
                new IndexModel(Indexes.ascending("role", "state"), new IndexOptions().name("role_state")),
                new IndexModel(Indexes.ascending("provider", "state"), new IndexOptions().name("provider_state")),
                new IndexModel(Indexes.descending("updatedAt"), new IndexOptions().name("updatedAt")),
                new IndexModel(Indexes.descending("createdAt"), new IndexOptions().name("createdAt")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.descending("priority"),
                        Indexes.ascending("createdAt")), new IndexOptions().name("state_priority_createdAt")),
                new IndexModel(Indexes.ascending("taskId", "seq"), new IndexOptions().name("taskId_seq").unique(true)));
    }

    Document task(int n) {
        Document task = new Document("_id", n % 97 == 0 ? (Object) n : "t" + n);
        task.append("key", "K-" + n);
        task.append("taskId", "task-" + (n % 500)).append("seq", n / 500);
        put(task, "state", () -> oneOf(STATES), 0.12);
        put(task, "updatedAt", this::date, 0.1);
        put(task, "createdAt", this::date, 0.1);
        put(task, "priority", this::number, 0.15);
        put(task, "role", () -> oneOf(ROLES), 0.2);
        put(task, "provider", () -> oneOf(List.of("p1", "p2")), 0.2);
        double shape = random.nextDouble();
        if (shape < 0.06) {
            task.append("tags", List.of());
        } else if (shape < 0.1) {
            task.append("tags", null);
        } else if (shape < 0.14) {
            task.append("tags", oneOf(TAGS));
        } else if (shape < 0.17) {
            task.append("tags", List.of(1, oneOf(TAGS)));
        } else if (shape > 0.22) {
            List<String> tags = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                tags.add(oneOf(TAGS));
            }
            task.append("tags", tags);
        }
        task.append("title", "task " + n);
        return task;
    }

    private void put(Document task, String field, java.util.function.Supplier<Object> usual, double odd) {
        double roll = random.nextDouble();
        if (roll >= odd) {
            task.append(field, usual.get());
        } else if (roll < odd * 0.3) {
            return;
        } else {
            task.append(field, oddValue());
        }
    }

    /** A value of another type than the field usually holds. */
    Object oddValue() {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> random.nextInt(10);
            case 2 -> random.nextBoolean();
            case 3 -> oneOf(STATES);
            case 4 -> date();
            default -> random.nextDouble() * 10;
        };
    }

    Date date() {
        //why: minutes over a day and a half, so equal values (ties) are common
        return new Date(BASE + random.nextInt(2_000) * 60_000L);
    }

    Object number() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(6);
            case 1 -> (long) random.nextInt(6);
            case 2 -> random.nextInt(12) / 2.0;
            default -> random.nextInt(6);
        };
    }

    <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A random filter: one to three conditions of the application's shapes, sometimes one no index serves. */
    Bson filter() {
        List<Bson> conditions = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            conditions.add(condition());
        }
        return random.nextInt(10) == 0 ? new Document() : Filters.and(conditions);
    }

    private Bson condition() {
        return switch (random.nextInt(14)) {
            case 0, 1, 2 -> Filters.eq("state", valueFor("state"));
            case 3 -> Filters.in("state", values("state"));
            case 4 -> Filters.eq("tags", valueFor("tags"));
            case 5 -> Filters.in("tags", values("tags"));
            case 6 -> Filters.eq(oneOf(List.of("role", "provider")), valueFor("role"));
            case 7, 8 -> range(oneOf(List.of("updatedAt", "createdAt")), this::date);
            case 9 -> range("priority", this::number);
            case 10 -> Filters.eq("priority", number());
            case 11 -> Filters.ne("state", valueFor("state"));
            case 12 -> Filters.exists(oneOf(List.of("tags", "role", "updatedAt")), random.nextBoolean());
            default -> Filters.eq("taskId", "task-" + random.nextInt(520));
        };
    }

    private Object valueFor(String field) {
        if (random.nextInt(8) == 0) {
            return oddValue();
        }
        return switch (field) {
            case "state" -> oneOf(STATES);
            case "tags" -> oneOf(TAGS);
            default -> oneOf(List.of("dev", "ops", "qa", "p1", "p2"));
        };
    }

    private List<Object> values(String field) {
        List<Object> values = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            values.add(valueFor(field));
        }
        return values;
    }

    private Bson range(String field, java.util.function.Supplier<Object> bound) {
        Object low = random.nextInt(10) == 0 ? oddValue() : bound.get();
        Object high = bound.get();
        return switch (random.nextInt(5)) {
            case 0 -> Filters.gt(field, low);
            case 1 -> Filters.gte(field, low);
            case 2 -> Filters.lt(field, high);
            case 3 -> Filters.and(Filters.gte(field, low), Filters.lt(field, high));
            default -> Filters.and(Filters.gt(field, low), Filters.lte(field, high));
        };
    }

    /** A sort on one or two keys in either direction, or none. */
    Bson sort() {
        List<String> keys = List.of("updatedAt", "createdAt", "state", "priority", "_id", "seq");
        List<Bson> sorts = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            String key = oneOf(keys);
            sorts.add(random.nextBoolean() ? Sorts.ascending(key) : Sorts.descending(key));
        }
        return sorts.isEmpty() ? null : Sorts.orderBy(sorts);
    }

    int skip() {
        return random.nextInt(3) == 0 ? random.nextInt(60) : 0;
    }

    int limit() {
        return random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(40);
    }

    boolean chance(int outOf) {
        return random.nextInt(outOf) == 0;
    }

    Random random() {
        return random;
    }
}
