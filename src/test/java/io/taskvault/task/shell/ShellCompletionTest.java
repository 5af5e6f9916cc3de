package io.taskvault.task.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.jline.CommandCompleter;

import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

@ShellTest
class ShellCompletionTest {

    @Autowired
    CommandCompleter completer;
    @Autowired
    TaskService tasks;

    List<String> complete(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void completesTaskKeysForAnEmptyAndAPartlyTypedTaskArgument() {
        Task task = tasks.create(aTask().build(), "t");

        assertThat(complete("show ")).contains(task.getKey());
        assertThat(complete("start TV-")).contains(task.getKey());
        assertThat(complete("output list TV")).contains(task.getKey());
    }

    @Test
    void completesStateAndPriorityNamesForTheirOptions() {
        assertThat(complete("list --state ")).contains("RUNNING", "ARCHIVED");
        assertThat(complete("list --priority ")).containsExactly("LOW", "MEDIUM", "HIGH", "CRITICAL");
        assertThat(complete("list ")).contains("--state", "--sort");
    }

    @Test
    void completesCommandNames() {
        assertThat(complete("arc")).contains("archive");
    }
}
