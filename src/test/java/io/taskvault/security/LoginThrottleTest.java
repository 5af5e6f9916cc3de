package io.taskvault.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taskvault.recovery.MovableClock;

/** Wrong passwords per name and per address: refused for a window after the limit, counted in the metrics. */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(3, 10, Duration.ofMinutes(15)), clock, meters);

    @Test
    void aNameIsRefusedAfterTooManyWrongPasswordsUntilTheWindowHasPassed() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refuses("ada", "10.0.0.1")).isFalse();
            throttle.failed("ada", "10.0.0.1");
        }
        assertThat(throttle.refuses("ada", "10.0.0.1")).isTrue();
        assertThat(throttle.refuses("ADA ", "10.0.0.2")).as("the same name from elsewhere").isTrue();
        assertThat(throttle.refuses("otto", "10.0.0.1")).as("another name from the same address").isFalse();

        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.refuses("ada", "10.0.0.1")).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.refuses("ada", "10.0.0.1")).isFalse();

        assertThat(meters.counter(LoginThrottle.FAILURES).count()).isEqualTo(3);
        assertThat(meters.counter(LoginThrottle.REFUSED).count()).isEqualTo(3);
    }

    @Test
    void anotherFailureKeepsTheRefusalGoingForAWholeWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ada", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(10));
        throttle.failed("ada", "10.0.0.1");
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.refuses("ada", "10.0.0.1")).isTrue();
    }

    @Test
    void anAddressGuessingManyNamesIsRefusedForEveryName() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("guess-" + i, "203.0.113.9");
        }
        assertThat(throttle.refuses("ada", "203.0.113.9")).isTrue();
        assertThat(throttle.refuses("ada", "10.0.0.1")).isFalse();
    }

    @Test
    void aRightPasswordResetsTheNamesCount() {
        throttle.failed("ada", "10.0.0.1");
        throttle.failed("ada", "10.0.0.1");
        throttle.succeeded("ada");
        throttle.failed("ada", "10.0.0.1");
        throttle.failed("ada", "10.0.0.1");
        assertThat(throttle.refuses("ada", "10.0.0.1")).isFalse();
    }
}
