package io.taskvault.graph.shell;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.taskvault.graph.EdgeType;
import io.taskvault.system.shell.OptionValues;

/** Tab offers the edge types for {@code --type} of the {@code edge} commands. */
@Component
class EdgeOptionValues implements OptionValues {

    @Override
    public Optional<Collection<String>> of(String command, String option) {
        return command.startsWith("edge ") && option.equals("type")
                ? Optional.of(Arrays.stream(EdgeType.values()).map(EdgeType::label).toList())
                : Optional.empty();
    }
}
