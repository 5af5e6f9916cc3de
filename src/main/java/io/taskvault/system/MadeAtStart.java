package io.taskvault.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean the server makes while it starts, although it makes the others when they are first needed: one that must
 * hear every store write or event from the start, or whose meters must exist before anything happens
 * ({@link LazyStartConfiguration}). A one-shot command still makes it only when needed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MadeAtStart {
}
