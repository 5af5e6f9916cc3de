package io.taskvault.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Spring's cache abstraction on Caffeine; the caches are named in application.yml (spring.cache.cache-names). Each
 * feature clears its caches on the store's change feed; the expiry bounds what a write the feed does not report
 * (or reports late) can leave behind, so no door shows cached data older than a second.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CachingConfiguration {

    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    //why: the expiry runs on the injected clock, so tests that hold time still hold the caches still too
    @Bean
    Caffeine<Object, Object> caffeine(Clock clock) {
        //why: the caches are bound to Actuator's cache metrics, which report hits and misses only when Caffeine records them
        return Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(FRESH_FOR).ticker(() -> nanos(clock.instant()))
                .recordStats();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
