package io.taskvault.recovery;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.task.Heartbeats;
import io.taskvault.task.IllegalTransitionException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;

@OpsTest
class LeaseRecoveryTest {

    @Autowired
    TaskService tasks;
    @Autowired
    LeaseRecovery recovery;
    @Autowired
    Heartbeats heartbeats;
    @Autowired
    MovableClock clock;

    private Task running() {
        Task task = tasks.create(aTask().build(), "test");
        tasks.transition(task.getId(), TaskState.QUEUED, "test", "queued");
        return tasks.transition(task.getId(), TaskState.RUNNING, "worker", "started");
    }

    @Test
    void interruptsARunningTaskWhoseLeaseExpiredAndSaysWhyInItsHistory() {
        Task task = running();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        RecoveryReport report = recovery.recover();

        assertThat(report.interrupted()).contains(task.getKey());
        assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.INTERRUPTED);
        HistoryEvent last = tasks.history(task.getId()).get(tasks.history(task.getId()).size() - 1);
        assertThat(last.toState()).isEqualTo(TaskState.INTERRUPTED);
        assertThat(last.actor()).isEqualTo("recovery");
        assertThat(last.reason()).startsWith("lease expired: no heartbeat or update since");
        assertThat(tasks.verify(task.getId()).intact()).isTrue();
    }

    @Test
    void aSecondPassChangesNothing() {
        Task task = running();
        clock.advance(Duration.ofMinutes(11));
        recovery.recover();
        int events = tasks.history(task.getId()).size();

        RecoveryReport again = recovery.recover();

        assertThat(again.interrupted()).doesNotContain(task.getKey());
        assertThat(tasks.history(task.getId())).hasSize(events);
    }

    @Test
    void leavesATaskWithinItsLeaseRunning() {
        Task task = running();
        clock.advance(Duration.ofMinutes(10));

        recovery.recover();

        assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.RUNNING);
    }

    @Test
    void aHeartbeatRenewsTheLease() {
        Task task = running();
        clock.advance(Duration.ofMinutes(8));
        Task beaten = heartbeats.beat(task.getKey(), "worker");
        clock.advance(Duration.ofMinutes(8));

        recovery.recover();

        assertThat(beaten.getHeartbeatAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(8)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.RUNNING);
        assertThat(tasks.history(task.getId())).extracting(HistoryEvent::type).contains(EventType.HEARTBEAT);
    }

    @Test
    void refusesAHeartbeatForATaskThatIsNotRunning() {
        Task task = tasks.create(aTask().build(), "test");

        assertThatThrownBy(() -> heartbeats.beat(task.getKey(), "worker"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("only a RUNNING task takes heartbeats");
    }

    @Test
    void retriesEveryInterruptedTaskInBulk() {
        Task first = running();
        Task second = running();
        clock.advance(Duration.ofMinutes(11));
        recovery.recover();

        List<String> retried = recovery.retryInterrupted("test", "bulk retry");

        assertThat(retried).contains(first.getKey(), second.getKey());
        assertThat(tasks.get(first.getId()).getState()).isEqualTo(TaskState.PENDING);
        assertThat(tasks.get(second.getId()).getAttempt()).isEqualTo(1);
    }

    @Test
    void reportsTheStartUpPass() {
        assertThat(recovery.startupReport()).hasValueSatisfying(r -> assertThat(r.took().isNegative()).isFalse());
    }
}
