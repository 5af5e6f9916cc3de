package io.taskvault.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Runs a test class only where a Docker engine answers; elsewhere skips it with a one-line reason. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerAvailable.Condition.class)
public @interface DockerAvailable {

    class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                available = false;
            }
            return available ? ConditionEvaluationResult.enabled("Docker is available")
                    : ConditionEvaluationResult.disabled("No Docker engine on this machine: the Testcontainers MongoDB "
                    + "run of the storage contract is skipped (the embedded-store run still covers it)");
        }
    }
}
