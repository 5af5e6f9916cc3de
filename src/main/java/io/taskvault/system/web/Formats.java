package io.taskvault.system.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the dashboard writes times, durations and sizes; templates reach it as {@code fmt}. */
public final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("MMM d, HH:mm", java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** "Dec 5, 11:05" for a list cell; the page puts {@link #when} on hover. */
    public String compact(Instant at) {
        return at == null ? "—" : COMPACT.format(at);
    }

    /** "3 min ago", "2 h ago", "5 days ago" (or "in 3 min"); past a month the {@link #compact} date. */
    public String ago(Instant at, Instant now) {
        if (at == null || now == null) {
            return "—";
        }
        Duration d = Duration.between(at, now);
        Duration size = d.abs();
        if (size.toSeconds() < 60) {
            return "just now";
        }
        if (size.toDays() > 30) {
            return compact(at);
        }
        String amount = size.toDays() > 0 ? size.toDays() + (size.toDays() == 1 ? " day" : " days")
                : size.toHours() > 0 ? size.toHours() + " h" : size.toMinutes() + " min";
        return d.isNegative() ? "in " + amount : amount + " ago";
    }

    /** An instant as the datetime attribute of a {@code <time>}. */
    public String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    public String when(Instant at) {
        return at == null ? "—" : WHEN.format(at);
    }

    /** A short duration such as "3h 12m" or "45s". */
    public String since(Instant from, Instant now) {
        if (from == null || now == null) {
            return "—";
        }
        Duration d = Duration.between(from, now);
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + "m " + d.toSecondsPart() + "s" : Math.max(0, d.toSeconds()) + "s";
    }

    /** A stored field value for a history diff: times as {@link #when}, nothing as ∅. */
    public String value(Object value) {
        if (value == null) {
            return "∅";
        }
        if (value instanceof java.util.Date date) {
            return when(date.toInstant());
        }
        return value instanceof Instant at ? when(at) : value.toString();
    }

    public String bytes(Long size) {
        if (size == null) {
            return "—";
        }
        if (size < 1024) {
            return size + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = size;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    public String percent(double rate) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", rate * 100);
    }
}
