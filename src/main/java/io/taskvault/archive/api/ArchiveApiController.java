package io.taskvault.archive.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.taskvault.archive.ArchivalJob;
import io.taskvault.archive.ArchivalJob.ArchivalStatus;
import io.taskvault.archive.ArchivalReport;
import io.taskvault.archive.Archive;
import io.taskvault.archive.ArchivedTask;
import io.taskvault.task.Task;
import io.taskvault.task.history.ChainReport;

/** REST door for the archive: the job's status and runs, searching, verifying and restoring archived tasks. */
@RestController
@RequestMapping("/api/archive")
class ArchiveApiController {

    private final ArchivalJob job;
    private final Archive archive;

    ArchiveApiController(ArchivalJob job, Archive archive) {
        this.job = job;
        this.archive = archive;
    }

    @GetMapping
    ArchivalStatus status() {
        return job.status();
    }

    @PostMapping("/run")
    ArchivalReport run(@RequestParam(defaultValue = "false") boolean dryRun) {
        return job.run(dryRun);
    }

    @GetMapping("/tasks")
    List<ArchivedTask> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "50") int limit) {
        return archive.search(q, limit);
    }

    @GetMapping("/tasks/{id}")
    ArchivedTask get(@PathVariable String id) {
        return archive.find(id);
    }

    @GetMapping("/tasks/{id}/verify")
    ChainReport verify(@PathVariable String id) {
        return archive.verify(id);
    }

    @PostMapping("/tasks/{id}/restore")
    Task restore(@PathVariable String id, @RequestHeader(value = "X-Actor", required = false) String actor) {
        return archive.restore(id, actor == null ? "api" : actor);
    }
}
