package io.taskvault.store.schema;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: documents per schema version, and an on-demand batch upgrade. */
@RestController
@RequestMapping("/api/schema")
class SchemaApiController {

    private final BatchUpgrade upgrade;
    private final SchemaCensus census;

    SchemaApiController(BatchUpgrade upgrade, SchemaCensus census) {
        this.upgrade = upgrade;
        this.census = census;
    }

    @GetMapping
    List<VersionCounts> status() {
        return census.countAll();
    }

    @PostMapping("/upgrade")
    UpgradeReport upgradeNow() {
        return upgrade.run();
    }
}
