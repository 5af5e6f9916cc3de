package io.taskvault.preferences;

import java.time.Instant;
import java.util.Optional;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@value UserPreferences#COLLECTION} collection: one document per person, changed field by field. Reads are
 * cached (every task creation reads its creator's defaults), cleared by this process's writes and, through
 * {@link PreferencesCache}, by any other process's.
 */
@Repository
class PreferencesStore {

    private static final String VIEWS = "views.";

    private final MongoTemplate mongo;

    PreferencesStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Cacheable(PreferencesCache.NAME)
    public Optional<UserPreferences> find(String user) {
        return Optional.ofNullable(mongo.findById(user, UserPreferences.class));
    }

    //why: a $set of one view's path, so two doors saving different views at once both keep theirs
    @CacheEvict(cacheNames = PreferencesCache.NAME, key = "#user")
    public void putView(String user, SavedView view) {
        mongo.upsert(byUser(user), touched(view.savedAt()).set(VIEWS + view.name(), view), UserPreferences.class);
    }

    /** Whether there was such a view to delete. */
    @CacheEvict(cacheNames = PreferencesCache.NAME, key = "#user")
    public boolean deleteView(String user, String name, Instant at) {
        Query query = byUser(user).addCriteria(Criteria.where(VIEWS + name).exists(true));
        return mongo.updateFirst(query, touched(at).unset(VIEWS + name), UserPreferences.class).getModifiedCount() > 0;
    }

    /** Sets (or, for null, clears) the default role and provider. */
    @CacheEvict(cacheNames = PreferencesCache.NAME, key = "#user")
    public void putDefaults(String user, String role, String provider, Instant at) {
        Update update = touched(at);
        if (role == null) {
            update.unset("defaultRole");
        } else {
            update.set("defaultRole", role);
        }
        if (provider == null) {
            update.unset("defaultProvider");
        } else {
            update.set("defaultProvider", provider);
        }
        mongo.upsert(byUser(user), update, UserPreferences.class);
    }

    private static Query byUser(String user) {
        return Query.query(Criteria.where("_id").is(user));
    }

    private static Update touched(Instant at) {
        return new Update().set("updatedAt", at).set("schemaVersion", UserPreferences.SCHEMA_VERSION);
    }
}
