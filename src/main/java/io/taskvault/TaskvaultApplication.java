package io.taskvault;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** taskvault: the durable memory of an AI-driven software-delivery pipeline. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TaskvaultApplication {

    /** The profile of a one-shot {@code taskvault <command>}: only what a command needs starts. */
    public static final String COMMAND_PROFILE = "command";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TaskvaultApplication.class);
        if (Boolean.getBoolean("taskvault.startup-timeline")) {
            //why: where start-up time goes, step by step, at /actuator/startup (expose it with
            // --management.endpoints.web.exposure.include=startup); off by default, as it keeps every step in memory
            application.setApplicationStartup(new BufferingApplicationStartup(20_000));
        }
        if (Arrays.stream(args).anyMatch(arg -> !arg.startsWith("-"))) {
            //why: a one-shot command needs no web server, prints only its answer, and works through the store of a
            // taskvault that is already running instead of failing on the data file's lock (application-command.yml)
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setAdditionalProfiles(COMMAND_PROFILE);
        } else if (System.console() != null) {
            application.setDefaultProperties(PROMPT_DEFAULTS);
        }
        application.run(args);
    }

    /**
     * Logging while the prompt owns the terminal: only errors reach it (the failure report of a start that fails among
     * them); warnings go to data/taskvault.log, or to the log file configured.
     */
    static final Map<String, Object> PROMPT_DEFAULTS = Map.of(
            //why: INFO lines (start-up, the first web request) and library warnings would land in the middle of what is typed
            "logging.level.root", "WARN",
            "spring.main.log-startup-info", "false",
            "logging.threshold.console", "ERROR",
            "logging.file.name", "./data/taskvault.log");
}
