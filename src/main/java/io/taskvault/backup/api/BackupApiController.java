package io.taskvault.backup.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.taskvault.backup.BackupInfo;
import io.taskvault.backup.BackupReport;
import io.taskvault.backup.Backups;
import io.taskvault.backup.RestoreResult;

/** REST door for backups: create, list, verify, restore (into an empty store unless forced). */
@RestController
@RequestMapping("/api/backups")
class BackupApiController {

    private final Backups backups;

    BackupApiController(Backups backups) {
        this.backups = backups;
    }

    @PostMapping
    BackupInfo create() {
        return backups.create();
    }

    @GetMapping
    List<BackupInfo> list() {
        return backups.list();
    }

    /** The last create, verify or restore and how it ended (404 before the first). */
    @GetMapping("/last")
    ResponseEntity<BackupReport> last() {
        return ResponseEntity.of(backups.lastReport());
    }

    @GetMapping("/{name}/verify")
    Map<String, Object> verify(@PathVariable String name) {
        List<String> problems = backups.verify(name);
        return Map.of("name", name, "intact", problems.isEmpty(), "problems", problems);
    }

    /** Restores; the answer names {@code undoBackup}, the state replaced, which a later restore can bring back. */
    @PostMapping("/{name}/restore")
    RestoreResult restore(@PathVariable String name, @RequestParam(defaultValue = "false") boolean force) {
        return backups.restore(name, force);
    }
}
