package io.taskvault.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * Passes over every document of a collection a page at a time. Collections up to {@code partitionAbove} documents
 * are read in one find. Larger ones are read in pages of string ids in {@code _id} order ({@code _id} after the
 * last page's), which MongoDB's {@code _id} index and the embedded engine's own map both answer by reading only
 * the page, then the documents whose ids are not strings, in one find (the embedded engine reads only those from its
 * map; MongoDB scans).
 * //why: the embedded engine collects a find's whole answer while it holds the collection's lock (10 million events
 * //    at 1,000,000 tasks). Ranges by an id's first character no longer split anything: time-ordered task ids all
 * //    begin with the same characters for years
 */
public final class IdPages {

    public static final long DEFAULT_PARTITION_ABOVE = 500_000;
    public static final int DEFAULT_PAGE = 10_000;

    private IdPages() {
    }

    /** Gives {@code action} every document of {@code collection}, with {@code projection} (and its {@code _id}). */
    public static void forEach(MongoCollection<Document> collection, long partitionAbove, int page, Bson projection,
                               Consumer<List<Document>> action) {
        Bson fields = Projections.fields(projection, Projections.include("_id"));
        if (collection.estimatedDocumentCount() <= partitionAbove) {
            action.accept(collection.find().projection(fields).into(new ArrayList<>()));
            return;
        }
        forEachStringIdPage(collection, projection, page, action);
        List<Document> others = collection.find(Filters.not(Filters.type("_id", BsonType.STRING))).projection(fields)
                .into(new ArrayList<>());
        if (!others.isEmpty()) {
            action.accept(others);
        }
    }

    /**
     * Gives {@code action} the documents of {@code collection} whose ids are strings, with {@code projection} (and
     * their {@code _id}), {@code page} at a time in {@code _id} order, each page a find of its own.
     */
    public static void forEachStringIdPage(MongoCollection<Document> collection, Bson projection, int page,
                                           Consumer<List<Document>> action) {
        Bson fields = Projections.fields(projection, Projections.include("_id"));
        for (Bson after = Filters.gte("_id", ""); ; ) {
            List<Document> found = collection.find(after).projection(fields).sort(Sorts.ascending("_id")).limit(page)
                    .into(new ArrayList<>());
            if (!found.isEmpty()) {
                action.accept(found);
            }
            if (found.size() < page) {
                return;
            }
            after = Filters.gt("_id", found.get(found.size() - 1).getString("_id"));
        }
    }
}
