package io.taskvault.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code taskvault.security.login-throttle.*}: how many wrong passwords, per name and per address, within
 * {@code window} make taskvault refuse that name (or every name from that address) until the window has passed.
 *
 * @param maxFailuresPerUser    wrong passwords for one name before it is refused (default 5)
 * @param maxFailuresPerAddress wrong passwords from one address, whatever the names, before it is refused (default 20)
 * @param window                how long failures are remembered, and so how long a refusal lasts (default 15 minutes)
 */
@ConfigurationProperties("taskvault.security.login-throttle")
public record LoginThrottleProperties(Integer maxFailuresPerUser, Integer maxFailuresPerAddress, Duration window) {

    public LoginThrottleProperties {
        maxFailuresPerUser = positive("max-failures-per-user", maxFailuresPerUser, 5);
        maxFailuresPerAddress = positive("max-failures-per-address", maxFailuresPerAddress, 20);
        window = window == null ? Duration.ofMinutes(15) : window;
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("taskvault.security.login-throttle.window must be positive, not " + window);
        }
    }

    private static int positive(String name, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("taskvault.security.login-throttle." + name + " must be at least 1, not " + value);
        }
        return value;
    }
}
