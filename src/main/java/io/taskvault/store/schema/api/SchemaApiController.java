package io.taskvault.store.schema.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.store.schema.BatchUpgrade;
import io.taskvault.store.schema.SchemaCensus;
import io.taskvault.store.schema.UpgradeReport;
import io.taskvault.store.schema.VersionCounts;
import io.taskvault.system.ApiStatuses;

/** REST: documents per schema version, and an on-demand batch upgrade. */
@Tag(name = "schema", description = "Schema versions of the stored documents and their upgrade")
@RestController
@RequestMapping("/api/schema")
class SchemaApiController {

    private final BatchUpgrade upgrade;
    private final SchemaCensus census;

    SchemaApiController(BatchUpgrade upgrade, SchemaCensus census) {
        this.upgrade = upgrade;
        this.census = census;
    }

    @Operation(summary = "Documents per schema version")
    @GetMapping
    List<VersionCounts> status() {
        return census.countAll();
    }

    @Operation(summary = "Upgrade every stored document now")
    @ApiStatuses({409})
    @PostMapping("/upgrade")
    UpgradeReport upgradeNow() {
        return upgrade.run();
    }
}
