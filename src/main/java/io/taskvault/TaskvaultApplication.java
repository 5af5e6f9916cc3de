package io.taskvault;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** taskvault: the durable memory of an AI-driven software-delivery pipeline. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TaskvaultApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TaskvaultApplication.class);
        if (Arrays.stream(args).anyMatch(arg -> !arg.startsWith("-"))) {
            //why: a one-shot command needs no web server, prints only its answer, and works through the store of a
            // taskvault that is already running instead of failing on the data file's lock
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setDefaultProperties(Map.of("taskvault.store.attach", "true",
                    "logging.threshold.console", "ERROR", "spring.main.log-startup-info", "false"));
        } else if (System.console() != null) {
            //why: at the prompt, INFO lines (start-up, the first web request) would land in the middle of what is typed
            application.setDefaultProperties(Map.of("logging.level.root", "WARN", "spring.main.log-startup-info", "false"));
        }
        application.run(args);
    }
}
