package io.taskvault.archive.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.archive.ArchivalJob;
import io.taskvault.archive.ArchivalJob.ArchivalStatus;
import io.taskvault.archive.ArchivalReport;
import io.taskvault.archive.Archive;
import io.taskvault.archive.ArchivedTask;
import io.taskvault.task.history.ChainReport;
import io.taskvault.task.api.TaskResponse;
import io.taskvault.system.ApiStatuses;

/** REST door for the archive: the job's status and runs, searching, verifying and restoring archived tasks. */
@Tag(name = "archive", description = "Archived tasks: archival runs, search, verify and restore")
@RestController
@RequestMapping("/api/archive")
class ArchiveApiController {

    private final ArchivalJob job;
    private final Archive archive;

    ArchiveApiController(ArchivalJob job, Archive archive) {
        this.job = job;
        this.archive = archive;
    }

    @Operation(summary = "Archival status")
    @GetMapping
    ArchivalStatus status() {
        return job.status();
    }

    @Operation(summary = "Run archival now")
    @ApiStatuses({400})
    @PostMapping("/run")
    ArchivalReport run(@RequestParam(defaultValue = "false") boolean dryRun) {
        return job.run(dryRun);
    }

    @Operation(summary = "Search archived tasks")
    @ApiStatuses({400})
    @GetMapping("/tasks")
    List<ArchivedTask> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "50") int limit) {
        return archive.search(q, limit);
    }

    @Operation(summary = "One archived task")
    @ApiStatuses({404})
    @GetMapping("/tasks/{id}")
    ArchivedTask get(@PathVariable String id) {
        return archive.find(id);
    }

    @Operation(summary = "Verify an archived task's hash chain")
    @ApiStatuses({404})
    @GetMapping("/tasks/{id}/verify")
    ChainReport verify(@PathVariable String id) {
        return archive.verify(id);
    }

    @Operation(summary = "Restore an archived task from its bundle")
    @ApiStatuses({404, 409})
    @PostMapping("/tasks/{id}/restore")
    TaskResponse restore(@PathVariable String id, @RequestHeader(value = "X-Actor", required = false) String actor) {
        return TaskResponse.of(archive.restore(id, actor == null ? "api" : actor));
    }
}
