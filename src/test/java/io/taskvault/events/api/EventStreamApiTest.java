package io.taskvault.events.api;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.taskvault.events.EventPosition;
import io.taskvault.support.RunningServerTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.HistoryEvent;

/** Through a real server: an orchestrator that disconnects and resumes with Last-Event-ID misses nothing. */
@RunningServerTest
class EventStreamApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<SseClient> clients = new ArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(SseClient::close);
    }

    @Test
    void aClientThatReconnectsWithTheLastEventIdReceivesEachMissedChangeExactlyOnce() throws Exception {
        SseClient first = connect("/api/events", null);
        Task one = tasks.create(aTask().titled("Before the break").build(), "orchestrator");
        tasks.transition(one.getKey(), TaskState.QUEUED, "worker-1", "picked up");
        await().atMost(Duration.ofSeconds(10)).until(() -> first.of(one).size() == 2);
        assertThat(first.of(one)).extracting(SseEvent::data)
                .anySatisfy(d -> assertThat(d).contains("\"type\":\"CREATED\"", "\"actor\":\"orchestrator\""))
                .anySatisfy(d -> assertThat(d).contains("\"type\":\"STATE_CHANGED\"", "\"toState\":\"QUEUED\"",
                        "\"actor\":\"worker-1\"", "\"seq\":2"));
        String lastSeen = first.of(one).get(1).id();
        first.close();

        tasks.transition(one.getKey(), TaskState.RUNNING, "worker-1", "started");
        Task two = tasks.create(aTask().titled("During the break").build(), "orchestrator");
        tasks.addNote(two.getKey(), "still away", "orchestrator");
        List<String> missed = idsAfter(lastSeen, one, two);
        assertThat(missed).hasSize(3);

        SseClient second = connect("/api/events", lastSeen);
        Task three = tasks.create(aTask().titled("After the return").build(), "orchestrator");
        await().atMost(Duration.ofSeconds(10)).until(() -> second.events().stream()
                .anyMatch(e -> e.data().contains("\"key\":\"" + three.getKey() + "\"")));

        List<String> expected = new ArrayList<>(missed);
        expected.add(position(tasks.history(three.getKey()).get(0)));
        assertThat(second.events()).extracting(SseEvent::id).containsExactlyElementsOf(expected);
    }

    @Test
    void aFilterLetsOnlyTheChangesOfItsRoleThrough() throws Exception {
        SseClient reviews = connect("/api/events?role=reviewer&state=PENDING,QUEUED", null);
        tasks.create(aTask().withRole("coder").titled("Not for reviewers").build(), "orchestrator");
        Task review = tasks.create(aTask().withRole("reviewer").titled("Review it").build(), "orchestrator");
        tasks.transition(review.getKey(), TaskState.QUEUED, "reviewer-1", null);
        tasks.transition(review.getKey(), TaskState.RUNNING, "reviewer-1", null);
        Task later = tasks.create(aTask().withRole("reviewer").titled("Review more").build(), "orchestrator");

        await().atMost(Duration.ofSeconds(10)).until(() -> reviews.events().stream()
                .anyMatch(e -> e.data().contains(later.getKey())));
        assertThat(reviews.events()).extracting(SseEvent::data)
                .allSatisfy(d -> assertThat(d).doesNotContain("\"toState\":\"RUNNING\""))
                .map(d -> d.replaceAll(".*\"key\":\"(TV-\\d+)\".*", "$1"))
                .containsExactly(review.getKey(), review.getKey(), later.getKey());
    }

    @Test
    void unknownParametersAndForeignEventIdsAreRefusedNamingThem() throws Exception {
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(uri("/api/events?stat=RUNNING&role=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("stat").doesNotContain("\"role\"");

        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(uri("/api/events"))
                .header("Last-Event-ID", "42").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("Last-Event-ID");
    }

    private List<String> idsAfter(String lastSeen, Task... of) {
        EventPosition last = EventPosition.parse(lastSeen);
        Comparator<HistoryEvent> order = Comparator.comparing(HistoryEvent::at).thenComparing(HistoryEvent::id);
        HistoryEvent mark = Stream.of(of).flatMap(t -> tasks.history(t.getKey()).stream())
                .filter(e -> e.id().equals(last.eventId())).findFirst().orElseThrow();
        return Stream.of(of).flatMap(t -> tasks.history(t.getKey()).stream())
                .filter(e -> order.compare(e, mark) > 0).sorted(order).map(EventStreamApiTest::position).toList();
    }

    private static String position(HistoryEvent event) {
        return new EventPosition(event.at(), event.id()).toString();
    }

    private SseClient connect(String path, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        SseClient client = new SseClient();
        clients.add(client);
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.fromLineSubscriber(client));
        await().atMost(Duration.ofSeconds(10)).until(client::connected);
        return client;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    record SseEvent(String id, String data) {
    }

    /** A minimal SSE reader: collects each event's id and data, and knows when the server said hello. */
    static final class SseClient implements Flow.Subscriber<String> {

        private final List<SseEvent> events = new CopyOnWriteArrayList<>();
        private volatile Flow.Subscription subscription;
        private volatile boolean connected;
        private String id;
        private String data;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith(":connected")) {
                connected = true;
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                data = line.substring(5).strip();
            } else if (line.isEmpty() && data != null) {
                events.add(new SseEvent(id, data));
                id = null;
                data = null;
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }

        boolean connected() {
            return connected;
        }

        List<SseEvent> events() {
            return List.copyOf(events);
        }

        List<SseEvent> of(Task task) {
            return events.stream().filter(e -> e.data().contains("\"key\":\"" + task.getKey() + "\"")).toList();
        }

        void close() {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }
}
