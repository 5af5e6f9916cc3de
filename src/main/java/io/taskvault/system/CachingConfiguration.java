package io.taskvault.system;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/** Spring's cache abstraction on Caffeine; the caches and their expiry are named in application.yml (spring.cache.*). */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CachingConfiguration {
}
