package io.taskvault.task.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;

import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.ChainReport;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.FieldChange;
import io.taskvault.task.history.HistoryEvent;

/** Tasks and events as the dashboard's slice tests need them, without a store. */
public final class WebFixtures {

    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private WebFixtures() {
    }

    public static Task task(String key, TaskState state) {
        Task t = new Task();
        t.setId("id-" + key);
        t.setKey(key);
        t.setTitle("Title of " + key);
        t.setDescription("Does " + key);
        t.setRole("backend");
        t.setProvider("claude");
        t.setPriority(Priority.HIGH);
        t.setState(state);
        t.setTags(List.of("api"));
        t.setTargetDir(".");
        t.setCreatedAt(NOW.minusSeconds(3600));
        t.setUpdatedAt(NOW);
        t.setVersion(3);
        return t;
    }

    public static HistoryEvent moved(Task task, long seq, TaskState from, TaskState to, String reason) {
        return HistoryEvent.of(task.getId(), seq, EventType.STATE_CHANGED).moved(from, to).at(NOW).by("alice")
                .reason(reason).changes(Map.of("state", new FieldChange(from.name(), to.name()))).build();
    }

    public static ChainReport intact(Task task, int events) {
        return new ChainReport(task.getKey(), events, List.of());
    }

    /** A fixed clock, since the slice does not load the application's configuration classes. */
    //why: imported, never annotated: an application started from the test classpath scans annotated classes too
    public static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
