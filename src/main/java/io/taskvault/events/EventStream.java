package io.taskvault.events;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.taskvault.store.StoreChanges;
import io.taskvault.task.HistoryFeed;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.history.HistoryEvent;

/**
 * Streams every stored task change to its listeners, each from its own place in the history. A write noticed by
 * the store's change feed schedules a read of the history after the last event a listener was sent, once the new
 * events have settled; nothing polls. All work runs on the {@link EventsScheduling event stream scheduler}, stopped after this service.
 */
@Service
public class EventStream implements SmartLifecycle {

    static final String EVENT_NAME = "task";
    private static final Set<String> FOLLOWED = Set.of(HistoryEvent.COLLECTION, Task.COLLECTION);

    private final HistoryFeed feed;
    private final TaskService tasks;
    private final StoreChanges changes;
    private final EventsProperties properties;
    private final Clock clock;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final TaskScheduler scheduler;
    private volatile Runnable unlisten;

    EventStream(HistoryFeed feed, TaskService tasks, StoreChanges changes, EventsProperties properties, Clock clock,
                @Qualifier(EventsScheduling.NAME) TaskScheduler scheduler) {
        this.feed = feed;
        this.tasks = tasks;
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Opens a stream of the changes the filter lets through, after {@code from} (null: from now on). */
    public SseEmitter open(EventFilter filter, EventPosition from) {
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        EventPosition start = from != null ? from : EventPosition.after(clock.instant().minus(properties.settle()));
        Listener listener = new Listener(emitter, filter, start);
        emitter.onCompletion(() -> close(listener));
        emitter.onTimeout(() -> close(listener));
        emitter.onError(e -> close(listener));
        listeners.add(listener);
        listener.heartbeat = scheduler.scheduleAtFixedRate(() -> heartbeat(listener), properties.heartbeat());
        if (!comment(listener, "connected")) {
            return emitter;
        }
        //why: the events of the last settle window are sent once they have settled, even if nothing else is written
        listener.wantedBy = clock.instant().plus(properties.settle());
        schedule(listener, clock.instant());
        return emitter;
    }

    /** How many clients listen now. */
    public int listening() {
        return listeners.size();
    }

    private void changed(String collection) {
        if (collection != null && !FOLLOWED.contains(collection)) {
            return;
        }
        Instant settled = clock.instant().plus(properties.settle());
        for (Listener listener : listeners) {
            listener.wantedBy = settled;
            schedule(listener, settled);
        }
    }

    private void schedule(Listener listener, Instant when) {
        if (listener.pending.compareAndSet(false, true)) {
            scheduler.schedule(() -> drain(listener), when);
        }
    }

    private void drain(Listener listener) {
        listener.pending.set(false);
        Instant now = clock.instant();
        if (now.isBefore(listener.wantedBy)) {
            schedule(listener, listener.wantedBy);
        }
        Instant until = now.minus(properties.settle());
        synchronized (listener) {
            List<HistoryEvent> batch;
            do {
                if (listener.closed) {
                    return;
                }
                batch = feed.after(listener.position.at(), listener.position.eventId(), until, properties.batch());
                if (!send(listener, batch)) {
                    return;
                }
            } while (batch.size() == properties.batch());
        }
    }

    private boolean send(Listener listener, List<HistoryEvent> batch) {
        Map<String, Task> byId = tasks.byIds(batch.stream().map(HistoryEvent::taskId).distinct().toList()).stream()
                .collect(Collectors.toMap(Task::getId, Function.identity()));
        for (HistoryEvent event : batch) {
            Task task = byId.get(event.taskId());
            EventPosition position = new EventPosition(event.at(), event.id());
            if (listener.filter.accepts(event, task)) {
                TaskEvent sent = new TaskEvent(event.id(), event.taskId(), task == null ? null : task.getKey(),
                        event.seq(), event.type(), event.fromState(), event.toState(), event.actor(), event.at());
                try {
                    listener.emitter.send(SseEmitter.event().id(position.toString()).name(EVENT_NAME)
                            .data(sent, MediaType.APPLICATION_JSON));
                } catch (IOException | IllegalStateException gone) {
                    close(listener);
                    return false;
                }
            }
            listener.position = position;
        }
        return true;
    }

    private void heartbeat(Listener listener) {
        if (comment(listener, "heartbeat")) {
            //why: a write the change feed could not report (another process on a store without one) still arrives
            schedule(listener, clock.instant());
        }
    }

    private boolean comment(Listener listener, String text) {
        try {
            listener.emitter.send(SseEmitter.event().comment(text));
            return true;
        } catch (IOException | IllegalStateException gone) {
            close(listener);
            return false;
        }
    }

    private void close(Listener listener) {
        listener.closed = true;
        listeners.remove(listener);
        ScheduledFuture<?> heartbeat = listener.heartbeat;
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    @Override
    public void start() {
        unlisten = changes.listen(this::changed);
    }

    @Override
    public void stop() {
        Runnable stopListening = unlisten;
        if (stopListening != null) {
            stopListening.run();
            unlisten = null;
        }
        //why: an open stream would hold a graceful shutdown until its timeout; clients reconnect with Last-Event-ID
        listeners.forEach(listener -> {
            close(listener);
            listener.emitter.complete();
        });
    }

    @Override
    public boolean isRunning() {
        return unlisten != null;
    }

    private static final class Listener {
        final SseEmitter emitter;
        final EventFilter filter;
        final AtomicBoolean pending = new AtomicBoolean();
        volatile EventPosition position;
        volatile Instant wantedBy = Instant.MIN;
        volatile ScheduledFuture<?> heartbeat;
        volatile boolean closed;

        Listener(SseEmitter emitter, EventFilter filter, EventPosition position) {
            this.emitter = emitter;
            this.filter = filter;
            this.position = position;
        }
    }
}
