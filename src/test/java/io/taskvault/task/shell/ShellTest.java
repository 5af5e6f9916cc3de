package io.taskvault.task.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

import io.taskvault.support.EmbeddedStoreTest;

/** The whole application on a fresh embedded store, with Spring Shell's test client; the runner never exits the JVM. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmbeddedStoreTest
@org.springframework.shell.test.autoconfigure.ShellTest
@TestPropertySource(properties = "taskvault.shell.exit-on-finish=false")
public @interface ShellTest {
}
