package io.taskvault.store;

import java.util.ArrayList;
import java.util.List;

import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * Filters that split a collection into parts by {@code _id}, for passes over every document. The embedded engine
 * collects a find's whole answer before sending it (10 million events at 1,000,000 tasks); a part at a time keeps
 * that bounded. Collections up to {@code partitionAbove} documents are one part.
 */
public final class IdRanges {

    public static final long DEFAULT_PARTITION_ABOVE = 500_000;

    private IdRanges() {
    }

    public static List<Bson> of(MongoCollection<?> collection, long partitionAbove) {
        if (collection.estimatedDocumentCount() <= partitionAbove) {
            return List.of(new Document());
        }
        //why: string ids by their first character in 16 ascending ranges (ids start with a hex task id), then the rest
        List<Bson> parts = new ArrayList<>();
        String bounds = "123456789abcdef";
        for (int i = 0; i <= bounds.length(); i++) {
            List<Bson> range = new ArrayList<>(List.of(Filters.type("_id", BsonType.STRING)));
            if (i > 0) {
                range.add(Filters.gte("_id", bounds.substring(i - 1, i)));
            }
            if (i < bounds.length()) {
                range.add(Filters.lt("_id", bounds.substring(i, i + 1)));
            }
            parts.add(Filters.and(range));
        }
        parts.add(Filters.not(Filters.type("_id", BsonType.STRING)));
        return parts;
    }
}
