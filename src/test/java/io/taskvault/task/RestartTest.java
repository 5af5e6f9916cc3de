package io.taskvault.task;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.taskvault.TaskvaultApplication;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;

/** A task with its history and outputs is all there after the application is shut down and started again. */
class RestartTest {

    @TempDir
    Path folder;

    @Test
    void keepsTasksHistoryAndOutputsAcrossARestart() {
        String key;
        try (ConfigurableApplicationContext first = start()) {
            TaskService tasks = first.getBean(TaskService.class);
            Task task = tasks.create(aTask().titled("Survive a restart").build(), "alice");
            tasks.transition(task.getKey(), TaskState.QUEUED, "bob", "go");
            tasks.appendOutput(task.getKey(), OutputDraft.text(OutputType.STDOUT, "still here"), "agent");
            key = task.getKey();
        }
        try (ConfigurableApplicationContext second = start()) {
            TaskService tasks = second.getBean(TaskService.class);
            Task task = tasks.get(key);
            assertThat(task.getTitle()).isEqualTo("Survive a restart");
            assertThat(task.getState()).isEqualTo(TaskState.QUEUED);
            assertThat(tasks.history(key)).extracting(HistoryEvent::type)
                    .containsExactly(EventType.CREATED, EventType.STATE_CHANGED, EventType.OUTPUT_ADDED);
            assertThat(tasks.outputs(key)).singleElement().satisfies(o -> assertThat(o.size()).isEqualTo(10));
            assertThat(tasks.verify(key).intact()).isTrue();
            assertThat(tasks.create(aTask().build(), "alice").getKeyNumber()).isGreaterThan(task.getKeyNumber());
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TaskvaultApplication.class).web(WebApplicationType.NONE)
                .properties("spring.shell.interactive.enabled=false",
                        "taskvault.store.path=" + folder.resolve("taskvault.mv"), "taskvault.store.cache-size-mb=32")
                .run();
    }
}
