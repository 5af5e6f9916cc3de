package io.taskvault.context.shell;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.taskvault.context.ContextKind;
import io.taskvault.system.shell.OptionValues;

/** Tab offers the context kinds for {@code --kind}. */
@Component
class ContextOptionValues implements OptionValues {

    @Override
    public Optional<Collection<String>> of(String command, String option) {
        return option.equals("kind") ? Optional.of(Arrays.stream(ContextKind.values()).map(ContextKind::label).toList())
                : Optional.empty();
    }
}
