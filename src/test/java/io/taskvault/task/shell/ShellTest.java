package io.taskvault.task.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.taskvault.support.EmbeddedStoreTest;

/** The whole application on a fresh embedded store, with Spring Shell's test client; the runner never exits the JVM. */
//why: the same application as every other EmbeddedStoreTest (the shell's test client is part of it), so it is shared
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmbeddedStoreTest
public @interface ShellTest {
}
