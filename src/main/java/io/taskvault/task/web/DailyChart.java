package io.taskvault.task.web;

import java.time.LocalDate;
import java.util.List;

/** Tasks created and finished per day, laid out as bars for a server-drawn SVG (no chart library, no script). */
record DailyChart(List<Day> days, long max) {

    static final int WIDTH = 560;
    static final int HEIGHT = 160;
    static final int BASE = 130;

    /** One day's counts and the bars that draw them. */
    record Day(LocalDate date, long created, long finished, int x, int createdHeight, int finishedHeight) {

        public int createdY() {
            return BASE - createdHeight;
        }

        public int finishedY() {
            return BASE - finishedHeight;
        }

        public String label() {
            return date.getDayOfMonth() + "/" + date.getMonthValue();
        }
    }

    static DailyChart of(List<LocalDate> dates, List<Long> created, List<Long> finished) {
        long max = Math.max(1, Math.max(created.stream().mapToLong(Long::longValue).max().orElse(0),
                finished.stream().mapToLong(Long::longValue).max().orElse(0)));
        int slot = WIDTH / Math.max(1, dates.size());
        List<Day> days = new java.util.ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            days.add(new Day(dates.get(i), created.get(i), finished.get(i), i * slot + 4,
                    bar(created.get(i), max), bar(finished.get(i), max)));
        }
        return new DailyChart(days, max);
    }

    private static int bar(long value, long max) {
        return (int) Math.round((BASE - 10) * (double) value / max);
    }

    public int barWidth() {
        return Math.max(4, WIDTH / Math.max(1, days.size()) / 2 - 4);
    }
}
