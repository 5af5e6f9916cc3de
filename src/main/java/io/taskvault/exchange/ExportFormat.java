package io.taskvault.exchange;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.taskvault.task.InvalidTaskException;

/** How a filtered task export is written: CSV for spreadsheets, JSON lines for programs. */
public enum ExportFormat {
    CSV("csv", "text/csv;charset=UTF-8"), JSONL("jsonl", "application/x-ndjson");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Accepts {@code csv}, {@code jsonl} (or {@code ndjson}) in any case; anything else is refused by name. */
    public static ExportFormat parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("ndjson")) {
            return JSONL;
        }
        return Arrays.stream(values()).filter(f -> f.extension.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidTaskException("format", "'" + text + "' is not an export format; use "
                        + Arrays.stream(values()).map(ExportFormat::extension).collect(Collectors.joining(" or "))));
    }
}
