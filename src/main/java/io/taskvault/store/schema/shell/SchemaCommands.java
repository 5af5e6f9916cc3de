package io.taskvault.store.schema.shell;

import java.util.List;
import java.util.stream.Collectors;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import io.taskvault.store.schema.BatchUpgrade;
import io.taskvault.store.schema.SchemaCensus;
import io.taskvault.store.schema.UpgradeReport;
import io.taskvault.store.schema.VersionCounts;
import io.taskvault.system.shell.ProgressBar;

/** Shell: how many documents of each schema version remain, and an on-demand batch upgrade. */
@Component
public class SchemaCommands {

    private final BatchUpgrade upgrade;
    private final SchemaCensus census;
    private final ObjectProvider<Terminal> terminal;

    SchemaCommands(BatchUpgrade upgrade, SchemaCensus census, ObjectProvider<Terminal> terminal) {
        this.upgrade = upgrade;
        this.census = census;
        this.terminal = terminal;
    }

    @Command(name = "schema status", group = "Schema", description = "Documents per schema version in each collection",
            help = "schema status")
    public String status() {
        return table(census.countAll());
    }

    @Command(name = "schema upgrade", group = "Schema", description = "Rewrite every old document in the newest shape now",
            help = "schema upgrade")
    public String upgradeNow(CommandContext ctx) {
        ProgressBar bar = ProgressBar.forCommand(ctx, terminal, "upgrading");
        UpgradeReport report;
        try {
            report = upgrade.run(bar);
        } finally {
            bar.finish();
        }
        return "rewrote " + report.rewritten() + " documents in " + report.millis() + " ms\n" + table(report.after());
    }

    static String table(List<VersionCounts> counts) {
        return counts.stream().map(c -> String.format("%-13s newest v%d  %s  remaining %s", c.collection(), c.newest(),
                c.byVersion().entrySet().stream().map(e -> "v" + e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" ", "[", "]")),
                c.readOnly() ? "n/a (upgraded on read only: the hash chain covers the stored form)" : c.remaining()))
                .collect(Collectors.joining("\n"));
    }
}
