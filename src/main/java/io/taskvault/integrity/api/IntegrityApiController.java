package io.taskvault.integrity.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.integrity.IntegrityCheck;
import io.taskvault.integrity.IntegrityReport;
import io.taskvault.system.ApiStatuses;

/** REST door for the integrity check: run it, or read the last report. */
@Tag(name = "integrity", description = "Integrity checks of the store")
@RestController
@RequestMapping("/api/integrity")
class IntegrityApiController {

    private final IntegrityCheck check;

    IntegrityApiController(IntegrityCheck check) {
        this.check = check;
    }

    @Operation(summary = "Run the integrity check now")
    @PostMapping("/verify")
    IntegrityReport verify() {
        return check.verifyAll();
    }

    @Operation(summary = "The last integrity report")
    @ApiStatuses({404})
    @GetMapping
    ResponseEntity<IntegrityReport> last() {
        return ResponseEntity.of(check.lastReport());
    }
}
