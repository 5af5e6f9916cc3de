package io.taskvault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** While the prompt owns the terminal only errors reach it; the warnings still reach the log file. */
@ExtendWith(OutputCaptureExtension.class)
class PromptLoggingTest {

    @Test
    void keepsWarningsOfLibrariesAndOurOwnOffThePromptButInTheLogFile(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        Path logFile = dir.resolve("taskvault.log");
        Map<String, Object> defaults = new HashMap<>(TaskvaultApplication.PROMPT_DEFAULTS);
        defaults.put("logging.file.name", logFile.toString());
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(defaults);

        try (ConfigurableApplicationContext ignored = application.run(
                "--spring.config.location=classpath:application.yml")) {
            LoggerFactory.getLogger("de.bwaldvogel.mongo.backend.aggregation.Aggregation")
                    .warn("Non-empty cursor is not yet implemented. Ignoring.");
            LoggerFactory.getLogger("de.bwaldvogel.mongo.MongoServer").warn("Closing {} clients", 1);
            LoggerFactory.getLogger("io.taskvault.graph.DependencyUnblocker").warn("Task TV-3 declares dependency 'x'");
            LoggerFactory.getLogger("io.taskvault.store.EmbeddedStore").info("Embedded store listening");
            LoggerFactory.getLogger("io.taskvault.store.EmbeddedStore").error("The store stopped answering");
        }

        assertThat(output.getOut() + output.getErr())
                .doesNotContain("Non-empty cursor", "Closing 1 clients", "declares dependency", "listening")
                .contains("The store stopped answering");
        assertThat(Files.readString(logFile, StandardCharsets.UTF_8))
                .contains("Task TV-3 declares dependency 'x'", "The store stopped answering")
                .doesNotContain("Non-empty cursor", "Closing 1 clients");
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
