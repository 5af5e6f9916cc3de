package io.taskvault.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.security.shell.TokenCommands;
import io.taskvault.support.EmbeddedStoreTest;

/** API tokens from the shell: shown once, stored hashed, listed without secrets, revoked for good. */
@EmbeddedStoreTest
class TokenCommandsTest {

    @Autowired
    TokenCommands commands;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MongoTemplate mongo;

    @Test
    void createsATokenShowingItsSecretOnceAndStoringOnlyItsHash() {
        String answer = commands.create("deploy-bot", "operator");
        String secret = answer.lines().filter(l -> l.trim().startsWith("tv_")).findFirst().orElseThrow().trim();

        Document stored = mongo.getCollection(ApiTokens.COLLECTION).find(new Document("name", "deploy-bot")).first();
        assertThat(stored.getString("_id")).isEqualTo(ApiTokens.hash(secret)).hasSize(64);
        assertThat(stored.toJson()).doesNotContain(secret);
        assertThat(stored.getInteger("schemaVersion")).isEqualTo(ApiToken.SCHEMA_VERSION);
        assertThat(commands.list()).contains("deploy-bot").contains("OPERATOR").doesNotContain(secret);
        assertThat(tokens.authenticate(secret)).hasValueSatisfying(t -> assertThat(t.role()).isEqualTo(Role.OPERATOR));
    }

    @Test
    void revokingATokenStopsItAuthenticating() {
        String answer = commands.create("temp-bot", "VIEWER");
        String secret = answer.lines().filter(l -> l.trim().startsWith("tv_")).findFirst().orElseThrow().trim();
        assertThat(commands.revoke("temp-bot")).contains("revoked token 'temp-bot'");
        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(commands.list()).contains("revoked");
        assertThatThrownBy(() -> commands.revoke("temp-bot")).hasMessageContaining("no active token");
    }

    @Test
    void refusesBadNamesRolesAndDuplicates() {
        assertThatThrownBy(() -> commands.create("has space", "VIEWER")).hasMessageContaining("token name");
        assertThatThrownBy(() -> commands.create("x-bot", "ROOT")).hasMessageContaining("not a role");
        commands.create("twice-bot", "VIEWER");
        assertThatThrownBy(() -> commands.create("twice-bot", "VIEWER")).hasMessageContaining("exists");
    }
}
