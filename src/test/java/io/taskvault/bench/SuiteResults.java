package io.taskvault.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite's figures: one file per size under {@code target/bench-results/} (one JVM runs each size), printed as
 * one table with a column per size and the target beside each figure that has one.
 */
final class SuiteResults {

    static final Path FOLDER = Path.of("target", "bench-results");
    private static final String SEP = " \t ";

    private final int size;
    private final Map<String, String> rows = new LinkedHashMap<>();
    private final Map<String, String> targets = new LinkedHashMap<>();

    SuiteResults(int size) {
        this.size = size;
    }

    /** The figures another run saved (the load of a store measured later with {@code --reuse}). */
    static SuiteResults continueFrom(int size, Path figures) throws IOException {
        SuiteResults results = new SuiteResults(size);
        if (Files.exists(figures)) {
            for (String line : Files.readAllLines(figures)) {
                String[] cells = line.split(SEP, -1);
                results.put(cells[0], cells[1], cells[2]);
            }
        }
        return results;
    }

    void copyTo(Path file) throws IOException {
        Files.copy(FOLDER.resolve(size + ".tsv"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    void put(String metric, String value) {
        put(metric, value, "");
    }

    void put(String metric, String value, String target) {
        rows.put(metric, value);
        if (!target.isEmpty()) {
            targets.put(metric, target);
        }
        System.err.printf("  [%,d] %-44s %s%n", size, metric, value);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(FOLDER);
            List<String> lines = new ArrayList<>();
            rows.forEach((metric, value) -> lines.add(metric + SEP + value + SEP + targets.getOrDefault(metric, "")));
            Files.write(FOLDER.resolve(size + ".tsv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints every size's saved figures as one table (metrics down, sizes across). */
    static void printAll() throws IOException {
        Map<Integer, Map<String, String[]>> bySize = new TreeMap<>();
        Map<String, String> targetOf = new LinkedHashMap<>();
        try (var files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).toList()) {
                int size = Integer.parseInt(file.getFileName().toString().replace(".tsv", ""));
                Map<String, String[]> rows = new LinkedHashMap<>();
                for (String line : Files.readAllLines(file)) {
                    String[] cells = line.split(SEP, -1);
                    rows.put(cells[0], cells);
                    if (!cells[2].isEmpty()) {
                        targetOf.put(cells[0], cells[2]);
                    }
                }
                bySize.put(size, rows);
            }
        }
        List<String> metrics = new ArrayList<>();
        bySize.values().forEach(rows -> rows.keySet().stream().filter(m -> !metrics.contains(m)).forEach(metrics::add));
        StringBuilder header = new StringBuilder(String.format("| %-44s |", "measure (latencies: p50 / p99 ms)"));
        StringBuilder rule = new StringBuilder("|" + "-".repeat(46) + "|");
        for (int size : bySize.keySet()) {
            header.append(String.format(" %-24s |", String.format("%,d tasks", size)));
            rule.append("-".repeat(26)).append("|");
        }
        header.append(" target at 100,000 |");
        rule.append("-".repeat(20)).append("|");
        System.out.println(header);
        System.out.println(rule);
        for (String metric : metrics) {
            StringBuilder line = new StringBuilder(String.format("| %-44s |", metric));
            for (Map<String, String[]> rows : bySize.values()) {
                String[] cells = rows.get(metric);
                line.append(String.format(" %-24s |", cells == null ? "" : cells[1]));
            }
            line.append(String.format(" %-18s |", targetOf.getOrDefault(metric, "")));
            System.out.println(line);
        }
    }
}
