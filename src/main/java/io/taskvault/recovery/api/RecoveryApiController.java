package io.taskvault.recovery.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.recovery.LeaseRecovery;
import io.taskvault.recovery.RecoveryReport;
import io.taskvault.task.Heartbeats;
import io.taskvault.task.api.TaskResponse;
import io.taskvault.system.ApiStatuses;

/** REST door for leases: heartbeats from workers, retrying interrupted tasks, the recovery reports. */
@Tag(name = "recovery", description = "Leases of running tasks and recovery of interrupted ones")
@RestController
@RequestMapping("/api")
class RecoveryApiController {

    private static final String API_ACTOR = "api";

    private final Heartbeats heartbeats;
    private final LeaseRecovery recovery;

    RecoveryApiController(Heartbeats heartbeats, LeaseRecovery recovery) {
        this.heartbeats = heartbeats;
        this.recovery = recovery;
    }

    @Operation(summary = "Renew a running task's lease")
    @ApiStatuses({404, 409})
    @PostMapping("/tasks/{id}/heartbeat")
    TaskResponse heartbeat(@PathVariable String id, @RequestHeader(value = "X-Actor", required = false) String actor) {
        return TaskResponse.of(heartbeats.beat(id, actor == null ? API_ACTOR : actor));
    }

    /** Retries an INTERRUPTED or FAILED task (back to PENDING). */
    @Operation(summary = "Retry an interrupted or failed task")
    @ApiStatuses({400, 404, 409})
    @PostMapping("/tasks/{id}/recover")
    TaskResponse recover(@PathVariable String id, @RequestParam(required = false) String reason,
                 @RequestHeader(value = "X-Actor", required = false) String actor) {
        return TaskResponse.of(recovery.retry(id, actor == null ? API_ACTOR : actor, reason));
    }

    @Operation(summary = "Retry every interrupted task")
    @PostMapping("/recovery/retry-interrupted")
    Map<String, List<String>> retryInterrupted(@RequestHeader(value = "X-Actor", required = false) String actor) {
        return Map.of("retried", recovery.retryInterrupted(actor == null ? API_ACTOR : actor, "bulk retry"));
    }

    @Operation(summary = "Run lease recovery now")
    @PostMapping("/recovery/run")
    RecoveryReport run() {
        return recovery.recover();
    }

    @Operation(summary = "The last lease-recovery reports")
    @ApiStatuses({404})
    @GetMapping("/recovery")
    ResponseEntity<Map<String, RecoveryReport>> reports() {
        java.util.Map<String, RecoveryReport> body = new java.util.LinkedHashMap<>();
        recovery.startupReport().ifPresent(r -> body.put("startup", r));
        recovery.lastReport().ifPresent(r -> body.put("last", r));
        return ResponseEntity.ok(body);
    }
}
