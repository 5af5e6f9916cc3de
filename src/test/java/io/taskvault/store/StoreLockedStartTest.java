package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** A second taskvault on a data file in use says so in Boot's failure report, with no bean-creation chain before it. */
@ExtendWith(OutputCaptureExtension.class)
class StoreLockedStartTest {

    @Test
    void printsOnlyTheExplanationWhenTheDataFileIsInUse(CapturedOutput output) {
        SpringApplication application = new SpringApplication(LockedStore.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);

        assertThatThrownBy(() -> application.run("--spring.config.location=classpath:application.yml",
                "--server.port=0")).hasRootCauseInstanceOf(StoreLockedException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START", "is in use by another running taskvault")
                .doesNotContain("Error creating bean", "Exception encountered during context initialization");
    }

    @Configuration(proxyBeanMethods = false)
    static class LockedStore {

        @Bean
        TomcatServletWebServerFactory webServerFactory() {
            return new TomcatServletWebServerFactory(0);
        }

        //why: the application's store is made at start (the MongoClient that needs it is kept eager), so its stand-in is too
        @Bean
        @Lazy(false)
        Object store() {
            throw new StoreLockedException(Path.of("data/taskvault.mv"), " (its store listens on 127.0.0.1:1)");
        }
    }
}
