package io.taskvault.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How tasks are keyed and how their outputs are kept.
 *
 * @param keyPrefix        the short human key's prefix: {@code TV} gives {@code TV-42}
 * @param outputInlineCap  outputs larger than this go to GridFS and are streamed back
 * @param maxOutputSize    the largest single output accepted
 */
@Validated
@ConfigurationProperties("taskvault.tasks")
public record TaskProperties(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9]{0,9}") @DefaultValue("TV") String keyPrefix,
        @NotNull @DefaultValue("256KB") DataSize outputInlineCap,
        @NotNull @DefaultValue("200MB") DataSize maxOutputSize) {
}
