package io.taskvault.recovery;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.shell.test.autoconfigure.ShellTest;
import org.springframework.test.context.TestPropertySource;

/** {@link OpsTest} with both doors open for tests: MockMvc for REST and Spring Shell's test client. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@OpsTest
@AutoConfigureMockMvc
@ShellTest
@TestPropertySource(properties = "taskvault.shell.exit-on-finish=false")
public @interface OpsDoorsTest {
}
