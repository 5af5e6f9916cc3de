package io.taskvault.recovery;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@link OpsTest} with both doors open for tests: MockMvc for REST and Spring Shell's test client. */
//why: OpsTest's application already has both doors, so the door tests share it instead of starting their own
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@OpsTest
public @interface OpsDoorsTest {
}
