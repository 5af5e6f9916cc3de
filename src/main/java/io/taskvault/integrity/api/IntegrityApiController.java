package io.taskvault.integrity.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.taskvault.integrity.IntegrityCheck;
import io.taskvault.integrity.IntegrityReport;

/** REST door for the integrity check: run it, or read the last report. */
@RestController
@RequestMapping("/api/integrity")
class IntegrityApiController {

    private final IntegrityCheck check;

    IntegrityApiController(IntegrityCheck check) {
        this.check = check;
    }

    @PostMapping("/verify")
    IntegrityReport verify() {
        return check.verifyAll();
    }

    @GetMapping
    ResponseEntity<IntegrityReport> last() {
        return ResponseEntity.of(check.lastReport());
    }
}
