package io.taskvault.system;

import java.util.List;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import com.mongodb.client.MongoClient;

/**
 * Beans are made when first needed ({@code spring.main.lazy-initialization} in application.yml), but the server makes
 * those whose work must begin with it while it starts: the periodic jobs, health indicators, runners and lifecycles,
 * the store's client (so a locked or unreachable store fails the start before the web server opens), taskvault's own
 * settings (so a bad one fails the start, not the first request that reads it) and the beans marked
 * {@link MadeAtStart}. Beans with {@code @Scheduled} methods Boot keeps eager itself. A one-shot command (no web
 * server) makes every bean only when the command needs it. Library beans that serve only requests or commands but
 * would be made at start regardless are left for first use too ({@link #madeAtFirstUse()}), and so are the request
 * mappings Spring MVC's resource URLs would make ({@link ResourceHandlerDetection}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class LazyStartConfiguration {

    static final List<Class<?>> EAGER_TYPES = List.of(SchedulingConfigurer.class, HealthContributor.class,
            ApplicationRunner.class, CommandLineRunner.class, SmartLifecycle.class, MongoClient.class);

    @Bean
    static LazyInitializationExcludeFilter startsWithTheApplication() {
        return (name, definition, type) -> type != null && (isEagerType(type) || isTaskvaultSettings(type)
                || type.isAnnotationPresent(MadeAtStart.class));
    }

    /**
     * Leaves for first use (or {@link WarmUpAfterReady}) what libraries make at start although only a request or a
     * command needs it: springdoc marks its beans {@code @Lazy(false)} (they build the OpenAPI document and, through
     * an API-version customizer taskvault has no use for, the MVC handler mapping), and Spring Shell's command
     * registry is a {@code SmartInitializingSingleton}, which Boot never makes lazy (it loads every command class).
     */
    @Bean
    static BeanFactoryPostProcessor madeAtFirstUse() {
        return beans -> {
            for (String name : beans.getBeanDefinitionNames()) {
                BeanDefinition definition = beans.getBeanDefinition(name);
                if (COMMAND_REGISTRY.equals(name) || declaringClass(definition).startsWith("org.springdoc.")) {
                    definition.setLazyInit(true);
                }
            }
        };
    }

    static final String COMMAND_REGISTRY = "commandRegistry";

    /** Spring MVC's resource URLs found without building every request mapping before ready. */
    @Bean
    ResourceHandlerDetection resourceHandlerDetection(ApplicationContext context) {
        return new ResourceHandlerDetection(context);
    }

    private static String declaringClass(BeanDefinition definition) {
        if (definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null) {
            return annotated.getFactoryMethodMetadata().getDeclaringClassName();
        }
        return definition.getBeanClassName() == null ? "" : definition.getBeanClassName();
    }

    static boolean isEagerType(Class<?> type) {
        return EAGER_TYPES.stream().anyMatch(eager -> eager.isAssignableFrom(type));
    }

    //why: Boot's own settings are bound when the auto-configuration that reads them is made, taskvault's by their users
    private static boolean isTaskvaultSettings(Class<?> type) {
        return type.isAnnotationPresent(ConfigurationProperties.class) && type.getPackageName().startsWith("io.taskvault");
    }
}
