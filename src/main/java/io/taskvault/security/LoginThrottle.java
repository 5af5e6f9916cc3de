package io.taskvault.security;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Counts wrong passwords per name and per address and refuses sign-ins once either passes its limit, until the
 * window since the last failure has passed. Counters live in Caffeine caches that expire on the injected clock and
 * are bounded in size, so a flood of made-up names cannot grow memory. Metrics: {@value #FAILURES} and
 * {@value #REFUSED}.
 */
class LoginThrottle {

    static final String FAILURES = "taskvault.login.failures";
    static final String REFUSED = "taskvault.login.throttled";
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_TRACKED = 100_000;

    private final LoginThrottleProperties limits;
    private final Cache<String, AtomicInteger> byUser;
    private final Cache<String, AtomicInteger> byAddress;
    private final Counter failures;
    private final Counter refused;

    LoginThrottle(LoginThrottleProperties limits, Clock clock, MeterRegistry meters) {
        this.limits = limits;
        this.byUser = counters(limits, clock);
        this.byAddress = counters(limits, clock);
        MeterRegistry registry = meters == null ? new SimpleMeterRegistry() : meters;
        this.failures = Counter.builder(FAILURES).description("Sign-ins refused for a wrong name or password")
                .register(registry);
        this.refused = Counter.builder(REFUSED).description("Sign-ins refused unchecked: too many recent failures")
                .register(registry);
    }

    //why: expire after write, so every new failure keeps the refusal going for a whole window
    private static Cache<String, AtomicInteger> counters(LoginThrottleProperties limits, Clock clock) {
        return Caffeine.newBuilder().expireAfterWrite(limits.window()).maximumSize(MAX_TRACKED)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** Whether a sign-in for this name from this address is refused without looking at its password. */
    boolean refuses(String user, String address) {
        AtomicInteger forUser = byUser.getIfPresent(key(user));
        AtomicInteger fromAddress = byAddress.getIfPresent(key(address));
        boolean refuse = forUser != null && forUser.get() >= limits.maxFailuresPerUser()
                || fromAddress != null && fromAddress.get() >= limits.maxFailuresPerAddress();
        if (refuse) {
            refused.increment();
            LOG.debug("Sign-in for '{}' from {} refused: too many failed sign-ins", printable(user), address);
        }
        return refuse;
    }

    void failed(String user, String address) {
        failures.increment();
        int forUser = count(byUser, key(user));
        int fromAddress = count(byAddress, key(address));
        if (forUser == limits.maxFailuresPerUser() || fromAddress == limits.maxFailuresPerAddress()) {
            LOG.warn("Throttling sign-ins for '{}' from {} for {}: {} failures for the name, {} from the address",
                    printable(user), address, limits.window(), forUser, fromAddress);
        }
    }

    /** A right password resets the name's count (not the address's: one good account must not unlock guessing). */
    void succeeded(String user) {
        byUser.invalidate(key(user));
    }

    private static int count(Cache<String, AtomicInteger> counters, String key) {
        int[] now = new int[1];
        //why: asMap().compute rewrites the entry, which restarts its expiry
        counters.asMap().compute(key, (k, old) -> {
            AtomicInteger next = old == null ? new AtomicInteger() : old;
            now[0] = next.incrementAndGet();
            return next;
        });
        return now[0];
    }

    //why: a name is whatever the sign-in form was sent; it must not start a forged log line
    private static String printable(String user) {
        if (user == null) {
            return "";
        }
        String shown = user.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 64 ? shown.substring(0, 64) + "…" : shown;
    }

    private static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
