package io.taskvault.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FormatsTest {

    static final Instant NOW = Instant.parse("2026-12-05T11:00:00Z");
    final Formats fmt = new Formats();

    @Test
    void agoSaysHowLongBeforeNowInTheLargestWholeUnit() {
        assertThat(fmt.ago(NOW.minusSeconds(20), NOW)).isEqualTo("just now");
        assertThat(fmt.ago(NOW.minus(Duration.ofMinutes(3)), NOW)).isEqualTo("3 min ago");
        assertThat(fmt.ago(NOW.minus(Duration.ofMinutes(150)), NOW)).isEqualTo("2 h ago");
        assertThat(fmt.ago(NOW.minus(Duration.ofHours(30)), NOW)).isEqualTo("1 day ago");
        assertThat(fmt.ago(NOW.minus(Duration.ofDays(5)), NOW)).isEqualTo("5 days ago");
        assertThat(fmt.ago(NOW.plus(Duration.ofMinutes(10)), NOW)).isEqualTo("in 10 min");
    }

    @Test
    void agoFallsBackToTheDateAfterAMonthAndToADashForNothing() {
        assertThat(fmt.ago(Instant.parse("2026-10-01T08:30:00Z"), NOW)).isEqualTo("Oct 1, 08:30");
        assertThat(fmt.ago(null, NOW)).isEqualTo("—");
    }
}
