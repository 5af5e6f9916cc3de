package io.taskvault.overview;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.taskvault.system.InvalidInputException;
import io.taskvault.system.Spelling;

/**
 * Tasks created and finished per hour or per day, laid out as bars for a server-drawn SVG (no chart library, no
 * script). Buckets are in UTC like every stored timestamp.
 */
public record ActivityChart(Unit unit, List<Bucket> buckets, long max, boolean partial) {

    static final int WIDTH = 560;
    static final int HEIGHT = 160;
    static final int BASE = 130;

    /** How wide one bar is in time, and how many bars a chart has. */
    public enum Unit {
        HOUR(24, java.time.temporal.ChronoUnit.HOURS), DAY(14, java.time.temporal.ChronoUnit.DAYS);

        private final int buckets;
        private final java.time.temporal.ChronoUnit step;

        Unit(int buckets, java.time.temporal.ChronoUnit step) {
            this.buckets = buckets;
            this.step = step;
        }

        int buckets() {
            return buckets;
        }

        /** The start of the oldest bucket of a chart ending with the bucket holding {@code now}. */
        Instant firstStart(Instant now) {
            return now.truncatedTo(step).minus(buckets - 1L, step);
        }

        Instant start(Instant first, int index) {
            return first.plus(index, step);
        }

        /** The URL value: "hour" or "day". */
        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** "hour" → HOUR, "day" or nothing → DAY; any other word is refused with the likely one named. */
        public static Unit parse(String text) {
            if (text == null || text.isBlank()) {
                return DAY;
            }
            for (Unit unit : values()) {
                if (unit.param().equalsIgnoreCase(text.strip())) {
                    return unit;
                }
            }
            List<String> known = Arrays.stream(values()).map(Unit::param).toList();
            throw new InvalidInputException("'" + text + "' is not a chart: use " + String.join(" or ", known)
                    + Spelling.suggestion(text.strip(), known, ""));
        }
    }

    /** One bucket's counts and the bars that draw them. */
    record Bucket(Instant start, Unit unit, long created, long finished, int x, int createdHeight, int finishedHeight) {

        public int createdY() {
            return BASE - createdHeight;
        }

        public int finishedY() {
            return BASE - finishedHeight;
        }

        public String label() {
            ZonedDateTime at = start.atZone(ZoneOffset.UTC);
            return unit == Unit.HOUR ? String.format("%02dh", at.getHour()) : at.getDayOfMonth() + "/" + at.getMonthValue();
        }

        /** Every other hour is labelled, so 24 labels do not overlap. */
        public boolean labelled() {
            return unit == Unit.DAY || start.atZone(ZoneOffset.UTC).getHour() % 3 == 0;
        }
    }

    static ActivityChart of(Unit unit, Instant first, long[] created, long[] finished, boolean partial) {
        long max = 1;
        for (int i = 0; i < created.length; i++) {
            max = Math.max(max, Math.max(created[i], finished[i]));
        }
        int slot = WIDTH / Math.max(1, created.length);
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < created.length; i++) {
            buckets.add(new Bucket(unit.start(first, i), unit, created[i], finished[i], i * slot + 4,
                    bar(created[i], max), bar(finished[i], max)));
        }
        return new ActivityChart(unit, buckets, max, partial);
    }

    private static int bar(long value, long max) {
        return (int) Math.round((BASE - 10) * (double) value / max);
    }

    public int barWidth() {
        return Math.max(4, WIDTH / Math.max(1, buckets.size()) / 2 - 4);
    }

    /** The bars as text, for screen readers (the SVG's description). */
    public String description() {
        return String.join("; ", buckets.stream()
                .map(b -> b.label() + ": " + b.created() + " created, " + b.finished() + " finished").toList());
    }
}
