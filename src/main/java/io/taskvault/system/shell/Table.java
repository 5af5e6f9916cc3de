package io.taskvault.system.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A plain-text table that fits a width: the flexible column shrinks first, then any column wider than 24. */
public final class Table {

    private static final String GAP = "  ";
    private final List<String> headers;
    private final List<String[]> rows = new ArrayList<>();
    private final Map<Integer, UnaryOperator<String>> styles = new HashMap<>();
    private int flex = -1;

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public Table row(Object... cells) {
        String[] row = new String[headers.size()];
        for (int i = 0; i < row.length; i++) {
            Object cell = i < cells.length ? cells[i] : null;
            row[i] = cell == null ? "" : cell.toString().replaceAll("\\s+", " ");
        }
        rows.add(row);
        return this;
    }

    /** The column that gives way first when the table is too wide (usually the title). */
    public Table flex(int column) {
        this.flex = column;
        return this;
    }

    /** Styles a column's cells after padding (colour codes would otherwise break the alignment). */
    public Table style(int column, UnaryOperator<String> style) {
        styles.put(column, style);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render(int width) {
        int[] widths = fit(naturalWidths(), width);
        StringBuilder out = new StringBuilder();
        line(out, headers.toArray(String[]::new), widths, false);
        for (String[] row : rows) {
            line(out, row, widths, true);
        }
        return out.toString();
    }

    private int[] naturalWidths() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        return widths;
    }

    private int[] fit(int[] widths, int width) {
        int[] fitted = Arrays.copyOf(widths, widths.length);
        int overflow = total(fitted) - width;
        if (overflow > 0 && flex >= 0) {
            int shrink = Math.min(overflow, fitted[flex] - Math.min(fitted[flex], 12));
            fitted[flex] -= shrink;
            overflow -= shrink;
        }
        for (int i = 0; overflow > 0 && i < fitted.length; i++) {
            if (fitted[i] > 24) {
                int shrink = Math.min(overflow, fitted[i] - 24);
                fitted[i] -= shrink;
                overflow -= shrink;
            }
        }
        return fitted;
    }

    private static int total(int[] widths) {
        return Arrays.stream(widths).sum() + GAP.length() * (widths.length - 1);
    }

    private void line(StringBuilder out, String[] cells, int[] widths, boolean styled) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].length() > widths[i] ? cells[i].substring(0, Math.max(0, widths[i] - 1)) + "…" : cells[i];
            String padded = i == cells.length - 1 ? cell : cell + " ".repeat(widths[i] - cell.length());
            line.append(styled && styles.containsKey(i) ? styles.get(i).apply(padded) : padded);
            if (i < cells.length - 1) {
                line.append(GAP);
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
