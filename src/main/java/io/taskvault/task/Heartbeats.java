package io.taskvault.task;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.taskvault.task.history.EventType;

/** Renews a RUNNING task's lease: a HEARTBEAT event that moves {@code heartbeatAt} to now. */
@Service
public class Heartbeats {

    private final TaskWriter writer;
    private final TaskLookup lookup;

    Heartbeats(TaskWriter writer, TaskLookup lookup) {
        this.writer = writer;
        this.lookup = lookup;
    }

    /** Records that the task's worker is alive; only a RUNNING task has a lease to renew. */
    public Task beat(String reference, String actor) {
        return writer.change(lookup.resolve(reference), TaskService.actorOf(actor), current -> {
            current.beat(writer.now());
            return Optional.of(new TaskChange(EventType.HEARTBEAT, current, "heartbeat", null, Map.of()));
        });
    }
}
