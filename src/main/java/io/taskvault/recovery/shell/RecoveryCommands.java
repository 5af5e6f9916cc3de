package io.taskvault.recovery.shell;

import java.util.List;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.recovery.LeaseRecovery;
import io.taskvault.task.Heartbeats;
import io.taskvault.task.Task;
import io.taskvault.system.InvalidInputException;

/** Shell commands for leases: {@code recovery run}, {@code recovery status}, {@code recovery retry}, {@code heartbeat}. */
@Component
public class RecoveryCommands {

    private static final String ACTOR = "shell";

    private final LeaseRecovery recovery;
    private final Heartbeats heartbeats;

    RecoveryCommands(LeaseRecovery recovery, Heartbeats heartbeats) {
        this.recovery = recovery;
        this.heartbeats = heartbeats;
    }

    @Command(name = "recovery run", group = "Recovery", description = "Interrupt RUNNING tasks whose lease expired",
            help = "recovery run")
    public String run() {
        return recovery.recover().summary();
    }

    @Command(name = "recovery status", group = "Recovery", description = "Show start-up and last recovery results",
            help = "recovery status")
    public String status() {
        return "start-up: " + recovery.startupReport().map(r -> r.summary()).orElse("not run") + "\nlast: "
                + recovery.lastReport().map(r -> r.at() + " " + r.summary()).orElse("not run");
    }

    @Command(name = "recovery retry", group = "Recovery",
            description = "Retry one INTERRUPTED/FAILED task, or every INTERRUPTED task with --all=true",
            help = "recovery retry TV-42   (or: recovery retry --all=true)")
    public String retry(@Argument(index = 0, defaultValue = "", description = "task key, number or id") String task,
                        @Option(longName = "all", defaultValue = "false") boolean all) {
        if (all) {
            List<String> retried = recovery.retryInterrupted(ACTOR, "bulk retry");
            return "retried " + retried.size() + " interrupted tasks" + (retried.isEmpty() ? "" : ": " + retried);
        }
        if (task.isBlank()) {
            throw new InvalidInputException("name the task to retry (TV-42), or pass --all=true");
        }
        Task retried = recovery.retry(task, ACTOR, null);
        return retried.getKey() + " is " + retried.getState() + " (attempt " + retried.getAttempt() + ")";
    }

    @Command(name = "heartbeat", group = "Recovery", description = "Renew a RUNNING task's lease",
            help = "heartbeat TV-42")
    public String heartbeat(@Argument(index = 0, description = "task key, number or id") String task) {
        Task beaten = heartbeats.beat(task, ACTOR);
        return beaten.getKey() + " lease renewed at " + beaten.getHeartbeatAt();
    }
}
