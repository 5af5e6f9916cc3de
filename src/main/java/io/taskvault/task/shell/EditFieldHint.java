package io.taskvault.task.shell;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.taskvault.system.Spelling;
import io.taskvault.system.shell.OptionHint;
import io.taskvault.task.Task;

/** {@code edit TV-1 --priority low} names a field, which {@code edit} sets with {@code --set priority=low}. */
@Component
class EditFieldHint implements OptionHint {

    @Override
    public Optional<String> likelyMeant(String command, String option) {
        if (!command.equals("edit")) {
            return Optional.empty();
        }
        return Spelling.closest(option, Task.editableFields()).map(field -> "--set " + field + "=VALUE");
    }
}
