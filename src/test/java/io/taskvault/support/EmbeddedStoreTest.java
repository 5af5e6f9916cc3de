package io.taskvault.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/** A full application on its own fresh embedded store (a new data file per application context). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.shell.interactive.enabled=false",
        "taskvault.store.path=target/test-stores/${random.uuid}/taskvault.mv",
        "taskvault.store.cache-size-mb=64"})
public @interface EmbeddedStoreTest {
}
