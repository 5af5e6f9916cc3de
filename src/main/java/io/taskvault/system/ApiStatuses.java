package io.taskvault.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The HTTP statuses a REST operation can answer, for its OpenAPI description: the success ones (when not just the
 * method's own 200 or {@code @ResponseStatus}) and the refusals, each worded once where the description is built.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiStatuses {

    int[] value();
}
