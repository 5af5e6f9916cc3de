package io.taskvault.task.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description's title and its bearer-token scheme (served at /v3/api-docs, browsed at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI taskvaultOpenApi() {
        return new OpenAPI()
                .info(new Info().title("taskvault API").version("1")
                        .description("Tasks, their history, outputs and dependencies for orchestrators and agents. "
                                + "Roles and input rules: docs/api.md."))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token from the shell command 'token create'")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
