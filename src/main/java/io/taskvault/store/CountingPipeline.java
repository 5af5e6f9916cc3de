package io.taskvault.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The aggregation the driver sends for {@code countDocuments}: {@code $match}, optional {@code $skip} and
 * {@code $limit}, then {@code $group} of everything into one constant key with {@code $sum: 1}. The engine would
 * run it over every document; answered here by the collection's count, which uses an index when one decides.
 */
record CountingPipeline(Document filter, int skip, int limit, Object groupId, String field) {

    static Optional<CountingPipeline> of(String command, Document query) {
        if (!command.equals("aggregate") || !(query.get("pipeline") instanceof List<?> stages) || stages.size() < 2
                || !(stages.get(0) instanceof Document match) || !match.keySet().equals(java.util.Set.of("$match"))
                || !(match.get("$match") instanceof Document filter)
                || !(stages.get(stages.size() - 1) instanceof Document group)) {
            return Optional.empty();
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : stages.subList(1, stages.size() - 1)) {
            if (stage instanceof Document d && d.size() == 1 && d.get("$skip") instanceof Number n && skip == 0 && limit == 0) {
                skip = n.intValue();
            } else if (stage instanceof Document d && d.size() == 1 && d.get("$limit") instanceof Number n && limit == 0) {
                limit = n.intValue();
            } else {
                return Optional.empty();
            }
        }
        if (!group.keySet().equals(java.util.Set.of("$group")) || !(group.get("$group") instanceof Document spec)
                || spec.size() != 2 || !spec.containsKey("_id") || spec.get("_id") instanceof Document
                || spec.get("_id") instanceof String s && s.startsWith("$") || spec.get("_id") instanceof List) {
            return Optional.empty();
        }
        for (Map.Entry<String, Object> entry : spec.entrySet()) {
            if (!entry.getKey().equals("_id")) {
                boolean sumOfOne = entry.getValue() instanceof Document sum && sum.size() == 1
                        && sum.get("$sum") instanceof Number one && one.doubleValue() == 1;
                return sumOfOne ? Optional.of(new CountingPipeline(filter, skip, limit, spec.get("_id"), entry.getKey()))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The command's reply, or empty when the collection is not one of ours (the engine answers then). */
    Optional<Document> answer(String database, Object collection,
                              BiFunction<String, String, Optional<TallyingH2Collection>> collections) {
        if (!(collection instanceof String name)) {
            return Optional.empty();
        }
        return collections.apply(database, name).map(found -> {
            int count = found.count(filter, skip, limit);
            List<Document> batch = count == 0 ? List.of()
                    : List.of(new Document("_id", groupId).append(field, count));
            Document cursor = new Document("id", 0L).append("ns", database + "." + name).append("firstBatch", batch);
            return new Document("cursor", cursor).append("ok", 1.0);
        });
    }
}
