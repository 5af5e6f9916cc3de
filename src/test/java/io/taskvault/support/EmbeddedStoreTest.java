package io.taskvault.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.shell.test.autoconfigure.ShellTest;

/**
 * A full application on its own fresh embedded store (a new data file per application context), with every door
 * open for tests: MockMvc for REST and the dashboard, Spring Shell's test client, a shell runner that never exits.
 * The schema upgrade runs only when a test asks for it, in batches of 100, so tests can put old documents in place
 * and watch them being upgraded.
 */
//why: one configuration for every full-application test on the embedded store, so Spring's context cache starts it
//    once; a test adding its own properties, mocks or imports pays for an application of its own
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.shell.interactive.enabled=false",
        "taskvault.shell.exit-on-finish=false",
        "taskvault.store.path=target/test-stores/${random.uuid}/taskvault.mv",
        "taskvault.store.cache-size-mb=64",
        "taskvault.schema.upgrade-on-start=false", "taskvault.schema.batch-size=100"})
@AutoConfigureMockMvc
@ShellTest
public @interface EmbeddedStoreTest {
}
