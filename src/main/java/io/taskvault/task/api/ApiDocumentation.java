package io.taskvault.task.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.taskvault.system.ApiStatuses;

/**
 * The OpenAPI description's title, its bearer-token scheme, and the one wording of each status the controllers declare
 * with {@link ApiStatuses} (served at /v3/api-docs, browsed at /swagger-ui.html).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";

    private static final Map<String, String> ANSWERS = Map.of(
            "200", "OK",
            "201", "Created; Location names the new resource",
            "204", "Done; nothing to answer",
            "400", "Invalid input: the problem details name each bad field or parameter (errors)",
            "403", "The caller's role does not allow it",
            "404", "Not found: no such task (or record, backup, report)",
            "409", "Conflict: the current state does not allow it (allowed lists the next states), "
                    + "or another writer changed the task first",
            "412", "If-Match names a version the task is no longer at",
            "413", "Too large (body, upload or batch): the problem details name the limit",
            "415", "The body's Content-Type is not one this operation reads");

    @Bean
    OpenAPI taskvaultOpenApi() {
        return new OpenAPI()
                .info(new Info().title("taskvault API").version("1")
                        .description("Tasks, their history, outputs and dependencies for orchestrators and agents. "
                                + "Roles and input rules: docs/api.md."))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token from the shell command 'token create'"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    /**
     * Adds the statuses an operation declares with {@link ApiStatuses}, each worded once: a success status carries the
     * body springdoc found for the method's own, a refusal the RFC 9457 problem-details body.
     */
    @Bean
    OperationCustomizer declaredStatuses() {
        return (operation, handler) -> {
            ApiStatuses declared = handler.getMethodAnnotation(ApiStatuses.class);
            if (declared == null || operation.getResponses() == null) {
                return operation;
            }
            ApiResponses responses = operation.getResponses();
            List<String> codes = Arrays.stream(declared.value()).mapToObj(String::valueOf).toList();
            List<String> successes = codes.stream().filter(code -> code.startsWith("2")).toList();
            Content body = responses.entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                    .map(e -> e.getValue().getContent()).filter(Objects::nonNull).findFirst().orElse(null);
            if (!successes.isEmpty()) {
                responses.keySet().removeIf(code -> code.startsWith("2") && !successes.contains(code));
            }
            for (String code : codes) {
                ApiResponse response = responses.computeIfAbsent(code, c -> new ApiResponse());
                response.setDescription(ANSWERS.getOrDefault(code, response.getDescription()));
                if (code.startsWith("4")) {
                    response.setContent(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                } else if (!code.equals("204") && response.getContent() == null) {
                    response.setContent(body);
                }
            }
            return operation;
        };
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details; some problems add properties "
                        + "(errors, allowed, limit, limitBytes …)")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"));
    }
}
