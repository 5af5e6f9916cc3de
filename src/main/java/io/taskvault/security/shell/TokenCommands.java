package io.taskvault.security.shell;

import java.util.stream.Collectors;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.security.ApiToken;
import io.taskvault.security.ApiTokens;
import io.taskvault.security.Role;

/** Shell commands {@code token create|list|revoke}: API tokens for programs (bearer authentication). */
@Component
public class TokenCommands {

    static final String GROUP = "Access";

    private final ApiTokens tokens;

    TokenCommands(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Command(name = "token create", group = GROUP, description = "Create an API token; it is shown only this once",
            help = "token create --name ci-bot --role OPERATOR")
    public String create(@Option(longName = "name", required = true, description = "who the token acts as (the actor in history)") String name,
                         @Option(longName = "role", defaultValue = "OPERATOR", description = "VIEWER, OPERATOR or ADMIN") String role) {
        ApiTokens.Issued issued = tokens.create(name, Role.parse(role));
        return "created token '" + name + "' (" + issued.token().role() + "):\n  " + issued.secret()
                + "\nCopy it now: taskvault keeps only its SHA-256 hash and cannot show it again."
                + "\nUse it as the header 'Authorization: Bearer " + issued.token().prefix() + "…'.";
    }

    @Command(name = "token list", group = GROUP, description = "List the API tokens (never their secrets)",
            help = "token list")
    public String list() {
        String lines = tokens.list().stream().map(TokenCommands::line).collect(Collectors.joining("\n"));
        return lines.isEmpty() ? "no API tokens yet; create one with 'token create --name NAME --role ROLE'" : lines;
    }

    @Command(name = "token revoke", group = GROUP, description = "Revoke an API token: its requests are refused from now on",
            help = "token revoke ci-bot")
    public String revoke(@Argument(index = 0, description = "the token's name (or its prefix, see token list)") String name) {
        ApiToken revoked = tokens.revoke(name);
        return "revoked token '" + revoked.name() + "' (" + revoked.prefix() + "…)";
    }

    private static String line(ApiToken t) {
        return String.format("%-24s %-8s %s…  created %s  %s", t.name(), t.role(), t.prefix(), t.createdAt(),
                t.active() ? "active" : "revoked " + t.revokedAt());
    }
}
