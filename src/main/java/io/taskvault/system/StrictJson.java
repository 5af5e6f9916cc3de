package io.taskvault.system;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * What JSON the application's JsonMapper accepts, for every door that parses with it (the REST API, the shell's
 * --json options): nesting limited for objects and arrays alike, checked while parsing before anything is built from
 * it; a boolean only as true or false (a number is refused, not read as true), an enum only by its name.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    /** Ample for a task (its free maps nest at most 8 levels) inside a batch; far below what could exhaust a stack. */
    static final int MAX_READ_DEPTH = 32;
    //why: records stored before the read limit was lowered may nest up to Jackson's old 500; they must still render
    static final int MAX_WRITE_DEPTH = 1_000;

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return mapper -> mapper.withCoercionConfig(LogicalType.Boolean, booleans -> booleans
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                //why: {"to":7} was read as the eighth state (CANCELLED); a state, a priority, a kind is named
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    @Bean
    JsonFactoryBuilderCustomizer nestingLimits() {
        return factory -> factory
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_READ_DEPTH).build())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_WRITE_DEPTH).build());
    }
}
