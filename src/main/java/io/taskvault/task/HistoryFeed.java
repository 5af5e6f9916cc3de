package io.taskvault.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import io.taskvault.task.history.HistoryEvent;

/**
 * Every task's history in one order: by the time an event was stored, then by its id. Readers that follow the
 * store's changes resume from the last event they saw with {@link #after}.
 */
@Component
public class HistoryFeed {

    private final HistoryStore history;

    HistoryFeed(HistoryStore history) {
        this.history = history;
    }

    /**
     * Up to {@code limit} events after ({@code at}, {@code id}) and stored at or before {@code until}, oldest first;
     * a null {@code id} means after every event at {@code at}.
     */
    public List<HistoryEvent> after(Instant at, String id, Instant until, int limit) {
        Date when = Date.from(at);
        Bson later = id == null ? Filters.gt("at", when)
                : Filters.or(Filters.gt("at", when), Filters.and(Filters.eq("at", when), Filters.gt("_id", id)));
        List<Document> found = history.collection().find(Filters.and(later, Filters.lte("at", Date.from(until))))
                .sort(Sorts.ascending("at", "_id")).limit(limit).into(new ArrayList<>());
        return found.stream().map(history::read).toList();
    }
}
