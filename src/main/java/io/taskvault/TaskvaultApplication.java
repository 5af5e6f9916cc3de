package io.taskvault;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

/** taskvault: the durable memory of an AI-driven software-delivery pipeline. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TaskvaultApplication {

    /** The profile of a one-shot {@code taskvault <command>}: only what a command needs starts. */
    public static final String COMMAND_PROFILE = "command";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TaskvaultApplication.class);
        try {
            timeline(System.getProperty("taskvault.startup-timeline", "false"), application);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
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
     * Where start-up time goes, step by step: {@code true} keeps the steps for /actuator/startup (expose it with
     * --management.endpoints.web.exposure.include=startup), {@code jfr} records them as Java Flight Recorder events
     * (a one-shot command has no endpoint; start it with -XX:StartFlightRecording). Off by default: the steps cost
     * memory or recording.
     */
    static void timeline(String setting, SpringApplication application) {
        switch (setting) {
            case "false" -> { }
            case "true" -> application.setApplicationStartup(new BufferingApplicationStartup(20_000));
            case "jfr" -> application.setApplicationStartup(new FlightRecorderApplicationStartup());
            default -> throw new IllegalArgumentException(
                    "taskvault.startup-timeline is '" + setting + "'; it takes true, jfr or false");
        }
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
