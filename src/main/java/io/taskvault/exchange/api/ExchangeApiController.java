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

import io.taskvault.exchange.ApStateImport;
import io.taskvault.exchange.ImportSummary;
import io.taskvault.exchange.StateDirectoryImport;
import io.taskvault.exchange.TaskvaultExport;
import io.taskvault.exchange.TaskvaultImport;

/** REST: imports (directories on the server, or an uploaded export) and the export as a download. */
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

    @PostMapping("/api/import/ap-state")
    ImportSummary importApState(@RequestParam String path, @RequestParam(defaultValue = "false") boolean dryRun) {
        return apState.run(path, dryRun);
    }

    @PostMapping("/api/import/state-dir")
    ImportSummary importStateDirectory(@RequestParam String path, @RequestParam(defaultValue = "false") boolean dryRun) {
        return stateDirectory.run(path, dryRun);
    }

    /** The request body is a taskvault export, as {@code GET /api/export} gives it. */
    @PostMapping("/api/import/taskvault")
    ImportSummary importTaskvault(InputStream body, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return taskvault.run("request body", body, dryRun);
    }

    @GetMapping("/api/export")
    ResponseEntity<StreamingResponseBody> exportAll() {
        return ResponseEntity.ok().contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"taskvault-export.jsonl\"")
                .body(export::export);
    }
}
