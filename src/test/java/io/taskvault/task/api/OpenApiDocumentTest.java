package io.taskvault.task.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.taskvault.support.EmbeddedStoreTest;

/** The OpenAPI description the app serves is valid, lists every REST endpoint, and Swagger UI is served locally. */
@EmbeddedStoreTest
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theServedDescriptionValidatesAndListsEveryApiEndpoint() throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json);
        assertThat(parsed.getMessages()).as("validation messages").isEmpty();
        OpenAPI api = parsed.getOpenAPI();

        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/")).forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(verb -> {
                            PathItem item = api.getPaths().get(path);
                            if (item == null || !item.readOperationsMap().containsKey(
                                    PathItem.HttpMethod.valueOf(verb.name().toUpperCase(Locale.ROOT)))) {
                                missing.add(verb + " " + path);
                            }
                        })));
        assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
        assertThat(api.getPaths()).containsKeys("/api/tasks", "/api/tasks/batch", "/api/tasks/{id}",
                "/api/tasks/{id}/transitions", "/api/tasks/persistent", "/api/tasks/history/{id}",
                "/api/tasks/outputs/{id}", "/api/persistence/stats", "/api/tasks/{id}/recover", "/api/tasks/{id}/heartbeat");
    }

    @Test
    void everyOperationHasASummaryAFeatureTagAndTheStatusesItCanGive() throws Exception {
        OpenAPI api = new OpenAPIV3Parser().readContents(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).getOpenAPI();

        List<String> undocumented = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((verb, operation) -> {
            if (operation.getSummary() == null || operation.getSummary().isBlank()
                    || operation.getTags() == null || operation.getTags().isEmpty()) {
                undocumented.add(verb + " " + path);
            }
        }));
        assertThat(undocumented).as("operations without a summary or a tag").isEmpty();
        assertThat(api.getTags()).extracting(io.swagger.v3.oas.models.tags.Tag::getName)
                .contains("tasks", "context", "graph", "archive", "backups", "recovery", "exchange", "events");

        assertThat(api.getPaths().get("/api/tasks").getPost().getResponses())
                .containsKeys("201", "400", "409", "413", "415")
                .as("a dependency on no task is a 400; nothing else in a create answers 404").doesNotContainKey("404");
        assertThat(api.getPaths().get("/api/tasks/{id}").getGet().getResponses()).containsKeys("200", "404");
        assertThat(api.getPaths().get("/api/tasks/{id}").getPatch().getResponses()).containsKeys("200", "409", "412");
        assertThat(api.getPaths().get("/api/tasks/{id}").getGet().getResponses().get("404").getContent())
                .containsKey("application/problem+json");
        assertThat(api.getPaths().get("/api/tasks").getPost().getResponses().get("201").getContent()).isNotNull();
    }

    @Test
    void theTaskSchemaIsTheApisRecordWithoutStorageInternals() throws Exception {
        OpenAPI api = new OpenAPIV3Parser().readContents(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).getOpenAPI();

        String ref = api.getPaths().get("/api/tasks/{id}").getGet().getResponses().get("200").getContent()
                .values().iterator().next().getSchema().get$ref();
        assertThat(ref).isEqualTo("#/components/schemas/Task");
        assertThat(api.getComponents().getSchemas().get("Task").getProperties())
                .containsKeys("key", "state", "version", "historyCount", "outputCount", "links", "title", "branch",
                        "dependsOn", "heartbeatAt")
                .doesNotContainKeys("historyHash", "priorityRank", "keyNumber", "historySeq", "outputSeq", "schemaVersion",
                        "work", "workspace", "plan", "run");
    }

    @Test
    void createAndPatchTakeTheApisOwnRequestRecords() throws Exception {
        OpenAPI api = new OpenAPIV3Parser().readContents(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).getOpenAPI();

        assertThat(api.getPaths().get("/api/tasks").getPost().getRequestBody().getContent().values().iterator().next()
                .getSchema().get$ref()).isEqualTo("#/components/schemas/TaskCreateRequest");
        assertThat(api.getPaths().get("/api/tasks/{id}").getPatch().getRequestBody().getContent().values().iterator()
                .next().getSchema().get$ref()).isEqualTo("#/components/schemas/TaskPatchRequest");
        assertThat(api.getPaths().get("/api/tasks/batch").getPost().getRequestBody().getContent().values().iterator()
                .next().getSchema().getItems().get$ref()).isEqualTo("#/components/schemas/TaskCreateRequest");
        assertThat(api.getComponents().getSchemas()).doesNotContainKeys("TaskDraft", "JsonNullableString");
        assertThat(api.getComponents().getSchemas().get("TaskCreateRequest").getProperties())
                .containsKeys("title", "priority", "dependsOn", "externalId").doesNotContainKeys("state", "version");
        io.swagger.v3.oas.models.media.Schema<?> patch = api.getComponents().getSchemas().get("TaskPatchRequest");
        assertThat(patch.getProperties()).containsKeys("title", "assignee", "priority", "tags", "metadata")
                .doesNotContainKeys("state", "externalId", "createdBy");
        assertThat(patch.getProperties().get("assignee").getTypes()).as("a field that may be sent as null to clear it")
                .containsExactlyInAnyOrder("string", "null");
    }

    @Test
    void swaggerUiIsServedFromItsWebjar() throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        String initializer = mvc.perform(get("/swagger-ui/swagger-initializer.js")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(initializer).contains("/v3/api-docs");
    }
}
