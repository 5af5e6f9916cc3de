package io.taskvault.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.taskvault.system.InvalidInputException;

/** Creates, lists, checks and revokes API tokens; the store keeps only their hashes. */
@Service
public class ApiTokens {

    public static final String COLLECTION = "api_tokens";
    static final String PREFIX = "tv_";
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.@:-]{1,64}");

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A new token and its secret, which is shown this once and never stored. */
    public record Issued(ApiToken token, String secret) {
    }

    public Issued create(String name, Role role) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("token name '" + name
                    + "' must be 1 to 64 letters, digits or _ . @ : - (it becomes the actor in history)");
        }
        if (role == null) {
            throw new InvalidInputException("a token needs a role: VIEWER, OPERATOR or ADMIN");
        }
        if (tokens().find(Filters.and(Filters.eq("name", name), Filters.eq("revokedAt", null))).first() != null) {
            throw new InvalidInputException("an active token named '" + name + "' exists; revoke it first");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(hash(secret), name, role, secret.substring(0, 10), clock.instant(), null,
                ApiToken.SCHEMA_VERSION);
        tokens().insertOne(new Document("_id", token.id()).append("name", name).append("role", role.name())
                .append("prefix", token.prefix()).append("createdAt", Date.from(token.createdAt()))
                .append("revokedAt", null).append("schemaVersion", token.schemaVersion()));
        return new Issued(token, secret);
    }

    /** The active token with this secret, if there is one. */
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Document found = tokens().find(Filters.eq("_id", hash(secret))).first();
        return Optional.ofNullable(found).map(ApiTokens::toToken).filter(ApiToken::active);
    }

    public List<ApiToken> list() {
        return tokens().find().sort(Sorts.ascending("createdAt")).map(ApiTokens::toToken).into(new java.util.ArrayList<>());
    }

    public long activeCount() {
        return tokens().countDocuments(Filters.eq("revokedAt", null));
    }

    /** Revokes the active token with this name (or secret prefix); its requests are refused from now on. */
    public ApiToken revoke(String nameOrPrefix) {
        Document found = tokens().find(Filters.and(Filters.eq("revokedAt", null),
                Filters.or(Filters.eq("name", nameOrPrefix), Filters.eq("prefix", nameOrPrefix)))).first();
        if (found == null) {
            throw new InvalidInputException("no active token named '" + nameOrPrefix + "' (see token list)");
        }
        Instant now = clock.instant();
        tokens().updateOne(Filters.eq("_id", found.getString("_id")), Updates.set("revokedAt", Date.from(now)));
        return toToken(found.append("revokedAt", Date.from(now)));
    }

    static String hash(String secret) {
        return DigestUtils.sha256Hex(secret);
    }

    private MongoCollection<Document> tokens() {
        return mongo.getCollection(COLLECTION);
    }

    private static ApiToken toToken(Document d) {
        Date revoked = d.getDate("revokedAt");
        return new ApiToken(d.getString("_id"), d.getString("name"), Role.valueOf(d.getString("role")),
                d.getString("prefix"), d.getDate("createdAt").toInstant(), revoked == null ? null : revoked.toInstant(),
                d.getInteger("schemaVersion", 1));
    }
}
