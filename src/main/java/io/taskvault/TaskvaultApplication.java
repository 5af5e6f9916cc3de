package io.taskvault;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** taskvault: the durable memory of an AI-driven software-delivery pipeline. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TaskvaultApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaskvaultApplication.class, args);
    }
}
