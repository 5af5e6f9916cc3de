package io.taskvault.exchange.api;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.exchange.ApStateImport;
import io.taskvault.exchange.ImportSummary;
import io.taskvault.exchange.StateDirectoryImport;
import io.taskvault.exchange.TaskvaultExport;
import io.taskvault.exchange.TaskvaultImport;
import io.taskvault.system.ApiStatuses;

/** REST: imports (directories on the server, or an uploaded export) and the export as a download. */
@Tag(name = "exchange", description = "Import and export of tasks")
@RestController
class ExchangeApiController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final ApStateImport apState;
    private final StateDirectoryImport stateDirectory;
    private final TaskvaultImport taskvault;
    private final TaskvaultExport export;

    ExchangeApiController(ApStateImport apState, StateDirectoryImport stateDirectory, TaskvaultImport taskvault,
                          TaskvaultExport export) {
        this.apState = apState;
        this.stateDirectory = stateDirectory;
        this.taskvault = taskvault;
        this.export = export;
    }

    @Operation(summary = "Import a source-design state file")
    @ApiStatuses({400})
    @PostMapping("/api/import/ap-state")
    ImportSummary importApState(@RequestParam String path, @RequestParam(defaultValue = "false") boolean dryRun) {
        return apState.run(path, dryRun);
    }

    @Operation(summary = "Import a state directory")
    @ApiStatuses({400})
    @PostMapping("/api/import/state-dir")
    ImportSummary importStateDirectory(@RequestParam String path, @RequestParam(defaultValue = "false") boolean dryRun) {
        return stateDirectory.run(path, dryRun);
    }

    /** The request body is a taskvault export, as {@code GET /api/export} gives it. */
    @Operation(summary = "Import a taskvault export sent as the body")
    @ApiStatuses({400, 413})
    @PostMapping("/api/import/taskvault")
    ImportSummary importTaskvault(InputStream body, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return taskvault.run("request body", body, dryRun);
    }

    @Operation(summary = "Export every task, its history and outputs")
    @GetMapping("/api/export")
    ResponseEntity<StreamingResponseBody> exportAll() {
        return ResponseEntity.ok().contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"taskvault-export.jsonl\"")
                .body(export::export);
    }
}
