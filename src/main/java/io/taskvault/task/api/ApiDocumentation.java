package io.taskvault.task.api;

import java.util.Map;

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
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description's title, its bearer-token scheme, and the one wording of each response code that the
 * controllers' {@code @ApiResponse(responseCode = …)} declare (served at /v3/api-docs, browsed at /swagger-ui.html).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";

    private static final Map<String, String> ANSWERS = Map.of(
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

    /** Words each declared response code once, and gives every error its RFC 9457 problem-details body. */
    @Bean
    OperationCustomizer answersInOneWording() {
        return (operation, handler) -> {
            if (operation.getResponses() == null) {
                return operation;
            }
            ApiResponse ok = operation.getResponses().get("200");
            operation.getResponses().forEach((code, response) -> {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(ANSWERS.getOrDefault(code, "See docs/api.md"));
                }
                if (code.equals("201") && response.getContent() == null && ok != null) {
                    response.setContent(ok.getContent());
                }
                if (code.startsWith("4") && response.getContent() == null) {
                    response.setContent(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                }
            });
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
