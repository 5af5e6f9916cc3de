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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.backup.BackupInfo;
import io.taskvault.backup.BackupReport;
import io.taskvault.backup.Backups;
import io.taskvault.backup.RestoreResult;
import io.taskvault.system.ApiStatuses;

/** REST door for backups: create, list, verify, restore (into an empty store unless forced). */
@Tag(name = "backups", description = "Backups of the whole store and restores from them")
@RestController
@RequestMapping("/api/backups")
class BackupApiController {

    private final Backups backups;

    BackupApiController(Backups backups) {
        this.backups = backups;
    }

    @Operation(summary = "Create a backup")
    @PostMapping
    BackupInfo create() {
        return backups.create();
    }

    @Operation(summary = "List backups")
    @GetMapping
    List<BackupInfo> list() {
        return backups.list();
    }

    /** The last create, verify or restore and how it ended (404 before the first). */
    @Operation(summary = "The last backup operation and how it ended")
    @ApiStatuses({404})
    @GetMapping("/last")
    ResponseEntity<BackupReport> last() {
        return ResponseEntity.of(backups.lastReport());
    }

    @Operation(summary = "Verify a backup's checksums")
    @ApiStatuses({404})
    @GetMapping("/{name}/verify")
    Map<String, Object> verify(@PathVariable String name) {
        List<String> problems = backups.verify(name);
        return Map.of("name", name, "intact", problems.isEmpty(), "problems", problems);
    }

    /** Restores; the answer names {@code undoBackup}, the state replaced, which a later restore can bring back. */
    @Operation(summary = "Restore a backup")
    @ApiStatuses({400, 404, 409})
    @PostMapping("/{name}/restore")
    RestoreResult restore(@PathVariable String name, @RequestParam(defaultValue = "false") boolean force) {
        return backups.restore(name, force);
    }
}
