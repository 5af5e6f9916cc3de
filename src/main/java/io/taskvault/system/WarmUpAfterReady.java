package io.taskvault.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanCreationNotAllowedException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Once the server is ready, makes the beans it left for first use (the shell's commands, the web and security
 * stack, the pages' controllers), on the application's task executor: the first request after ready then finds them
 * made, and a bean that cannot be made is reported in the log at start, not at its first use. {@code
 * taskvault.start.warm-up=false} leaves them to their first use.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "taskvault.start.warm-up", matchIfMissing = true)
class WarmUpAfterReady {

    private static final Logger log = LoggerFactory.getLogger(WarmUpAfterReady.class);
    private final ConfigurableApplicationContext context;
    private final ConfigurableListableBeanFactory beans;
    private final TaskExecutor background;

    WarmUpAfterReady(ConfigurableApplicationContext context,
                     @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor background) {
        this.context = context;
        this.beans = context.getBeanFactory();
        this.background = background;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        background.execute(this::makeLeftBeans);
    }

    /** Makes every singleton not made yet; returns how many it made. */
    int makeLeftBeans() {
        long start = System.nanoTime();
        int made = 0;
        for (String name : beans.getBeanDefinitionNames()) {
            if (!context.isActive()) {
                return made;
            }
            if (beans.containsSingleton(name) || !isLazySingleton(name)) {
                continue;
            }
            try {
                beans.getBean(name);
                made++;
            } catch (BeanCreationNotAllowedException closing) {
                return made;
            } catch (RuntimeException e) {
                log.error("Could not make bean '{}' after start-up; it fails again when first used", name, e);
            }
        }
        log.debug("Made {} beans after ready in {} ms", made, (System.nanoTime() - start) / 1_000_000);
        return made;
    }

    private boolean isLazySingleton(String name) {
        BeanDefinition definition = beans.getMergedBeanDefinition(name);
        return definition.isSingleton() && !definition.isAbstract() && definition.isLazyInit();
    }
}
